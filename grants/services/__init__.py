"""Every write of the grants app, one module per concept (calls, lots, directions, clarifications,
calendar). Import the module you need: `from grants.services import calls as call_services`."""
