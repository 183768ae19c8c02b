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
dotnet build Igo.sln -nologo -v q -clp:NoSummary || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
dotnet test --project Igo.Tests/Igo.Tests.csproj --no-build --results-directory "$results" \
  --report-xunit-trx --report-xunit-trx-filename igo.trx "$@"
status=$?

passed=0; failed=0; skipped=0
if [ -f "$results/igo.trx" ]; then
  # One <UnitTestResult> per test (match the element: the TRX's ResultSummary carries an outcome attribute too). A
  # skipped test is "NotExecuted", with its reason as its output. Newlines are flattened first, so that a multi-line
  # output stays with its test.
  results_of() { # outcome -> one line per test: its name, a tab, its output (XML entities decoded)
    tr '\n' ' ' < "$results/igo.trx" \
      | grep -o "<UnitTestResult testName=\"[^\"]*\" outcome=\"$1\"[^>]*>\(<Output><StdOut>[^<]*</StdOut>\)\?" \
      | sed -E -e 's#^<UnitTestResult testName="([^"]*)"[^>]*>(<Output><StdOut>([^<]*)</StdOut>)?$#\1\t\3#' \
               -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
  }
  passed=$(results_of Passed | wc -l)
  failed=$(results_of Failed | wc -l)
  skipped=$(results_of NotExecuted | wc -l)
  # Skips and failures again at the end, where a reader of a long log looks first: each skip with its reason.
  results_of NotExecuted | sed -E -e 's/^/SKIPPED: /' -e 's/\t$//' -e 's/\t/: /'
  # Each failure with the start of its message, so that a CI log that shows only its tail still says why.
  tr '\n' ' ' < "$results/igo.trx" | sed 's#<UnitTestResult #\n&#g' | grep '^<UnitTestResult [^>]*outcome="Failed"' \
    | sed -E -e 's#^<UnitTestResult testName="([^"]*)"[^>]*>(.*<Message>([^<]{0,1500}))?.*$#FAILED: \1\n  why: \3#' \
             -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
  # And where in the tests it failed: the first frame of each failure's stack trace that has a file and line.
  tr '\n' ' ' < "$results/igo.trx" | sed 's#<UnitTestResult #\n&#g' | grep '^<UnitTestResult [^>]*outcome="Failed"' \
    | perl -ne 'print "  where ($1): $2\n" if /^<UnitTestResult testName="([^"]*)".*?<StackTrace>[^<]*? in ([^<]*?:line \d+)/'
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
# CI reads "N passed, M failed" at the start of this line: keep that prefix.
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
