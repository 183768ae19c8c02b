#!/usr/bin/env bash
# Runs every Igo test. Brings up what the tests need by itself (scripts/test-services.sh):
# a throwaway PostgreSQL cluster, Debian's Chromium for the browser tests, and GNU Go.
# Extra arguments go to the test runner, e.g. ./test.sh --filter-trait "Category=Domain"
set -uo pipefail
cd "$(dirname "$0")"

source scripts/test-services.sh
trap stop_throwaway_postgres EXIT

results=.artifacts/test-results
rm -rf "$results"
dotnet build Igo.sln -nologo -v q -clp:NoSummary || { echo "0 passed, 1 failed"; exit 1; }
dotnet test --project Igo.Tests/Igo.Tests.csproj --no-build --results-directory "$results" \
  --report-xunit-trx --report-xunit-trx-filename igo.trx "$@"
status=$?

passed=0; failed=0
if [ -f "$results/igo.trx" ]; then
  # Count the test results only (the TRX's ResultSummary carries an outcome attribute too).
  passed=$(grep -o '<UnitTestResult [^>]*outcome="Passed"' "$results/igo.trx" | wc -l)
  failed=$(grep -o '<UnitTestResult [^>]*outcome="Failed"' "$results/igo.trx" | wc -l)
  # The failures' names again at the end, where a reader of a long log looks first.
  grep -o '<UnitTestResult testName="[^"]*" outcome="Failed"' "$results/igo.trx" \
    | sed -e 's/^<UnitTestResult testName="/FAILED: /' -e 's/" outcome="Failed"$//' -e 's/&quot;/"/g'
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
