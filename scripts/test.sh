#!/usr/bin/env bash
# `npm test`: every test file under test/ and src/, on the embedded engine by default, on PostgreSQL when
# TEST_DATABASE_URL is set (test/helpers.ts creates a throwaway database per file). Extra arguments go to node,
# e.g. `npm test -- --test-name-pattern=hazard`.
set -euo pipefail
cd "$(dirname "$0")/.."

dirs=()
for d in test src; do [[ -d $d ]] && dirs+=("$d"); done
files=()
if ((${#dirs[@]})); then
  mapfile -t files < <(find "${dirs[@]}" -type f -name '*.test.ts' -not -path '*/node_modules/*' | LC_ALL=C sort)
fi
# TEST_GROUP=dates: only the groups whose outcome depends on the date (jobs, periods, reminders, reports, the demo,
# the pure calendar rules, the obligations engine, key moments, the daily notice, the working calendar, and issue 12's
# dated records: equipment inspections, insurance periods, the fee year, document versions; issue 13's training years,
# certificates, PPE and standardisation; issue 14's filing deadlines, drill half-years, reminders and report windows;
# and the workbench); .ci/run runs them again at dates that have broken such code before.
if [[ ${TEST_GROUP:-} == dates ]]; then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -E '/(jobs|check|check-export|hazard|hazard-escalation|double-report|hazard-stats|demo-hazards|risk|risk-report|risk-supervision|time|periods|hazard-stats\.rules|risk-report\.rules|obligations|key-moments|daily-notice|work-calendar|equipment|insurance|investment|documents|workbench|management-overview|training|training-person-years|certificates|ppe|standardisation|emergency-plans|drills|rescue|accidents|accident-followup)\.test\.ts$')
fi
# TEST_GROUP=security: the tests that keep issue 9's defects fixed — bad input on every route, the role-escalation
# matrix, the unit-leader visibility pass, cross-tenant authorisation, account security, idempotency, the data-directory
# lock, hostile uploads (xlsx, photos), concurrency of the numbered series (meaningful on PostgreSQL) and the log
# redaction.
if [[ ${TEST_GROUP:-} == security ]]; then
  mapfile -t files < <(printf '%s\n' "${files[@]}" | grep -E '/(bad-input|edge|account-security|role-escalation-matrix|unit-leader-scope|authz-matrix|idempotency|data-dir-lock|xlsx-limits|photos|concurrency|logging)\.test\.ts$')
fi
if ((${#files[@]} == 0)); then
  echo "no test files found under test/ or src/" >&2
  exit 1
fi

# The front-end units (web/src/**/*.test.ts[x], vitest with happy-dom) need no database: run once, before the
# node tests, and not again for a TEST_GROUP rerun.
if [[ -z ${TEST_GROUP:-} ]]; then
  echo "running the front-end unit tests (vitest)"
  npx vitest run --config web/vitest.config.ts
fi

if [[ -n ${TEST_DATABASE_URL:-} ]]; then engine=postgresql; else engine=embedded; fi
echo "running ${#files[@]} test files on the $engine engine${TEST_GROUP:+ (group ${TEST_GROUP})}, local time $(TZ=Asia/Shanghai date '+%Y-%m-%d %H:%M')"
exec node --import tsx --test --test-concurrency=2 "$@" "${files[@]}"
