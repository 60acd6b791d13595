# The two commands (README): `make serve` runs the product, `make test` runs every test.
.PHONY: serve stop test setup
ARGS ?=

serve:
	@scripts/serve.sh
stop:
	@scripts/stop.sh
setup:
	@scripts/setup.sh
test:
	@scripts/test.sh $(ARGS)
