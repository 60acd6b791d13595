.PHONY: serve stop test setup
serve:
	@scripts/serve.sh
stop:
	@scripts/stop.sh
setup:
	@scripts/setup.sh
test:
	@scripts/test.sh
