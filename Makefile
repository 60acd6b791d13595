# The two commands (README): `make serve` runs the product, `make test` runs every test.
# `make bench` measures it (bench/results.md).
.PHONY: serve stop test setup bench wheel
ARGS ?=

serve:
	@scripts/serve.sh
stop:
	@scripts/stop.sh
setup:
	@scripts/setup.sh
test:
	@scripts/test.sh $(ARGS)
bench:
	@scripts/bench.sh
wheel:
	@bash -c 'source scripts/env.sh && python -m pip wheel --no-deps --no-build-isolation --no-index -q -w dist . && ls dist/*.whl'
