"""A synthetic municipality for load tests: `manage.py seed_synthetic --clients N --entries M`.

Everything is invented. known.py says how to find the heavy client and the users to sign in as."""
