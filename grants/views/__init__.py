"""The grants pages, one module per audience: public calls, the public discussion, staff."""
