"""What the NGO database tells the apps above it, which connect to it in their `ready()` (ngos knows none of them)."""

from django.dispatch import Signal

#: NGOs were created in bulk (the import of a register), so no post_save was sent: `ngos` is the list of NGOs,
#: with their primary keys.
ngos_imported = Signal()
