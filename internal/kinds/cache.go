package kinds

import (
	"sync"

	"github.com/hubrules/hubrules"
)

// checkers caches prepared checkers by package, programme, date and the
// digests of the overlays, so that a stream of JSON Lines resolves its
// parameters once, not once a line. Prepared checkers are immutable and
// goroutine-safe, so sharing them is safe.
var checkers sync.Map

func prepared[T any](name string, env Env, build func() (T, error)) (T, error) {
	key := name + "|" + string(env.Programme) + "|" + env.Date.String()
	for _, o := range env.Overlays {
		if o != nil {
			key += "|" + o.Digest()
		}
	}
	if v, ok := checkers.Load(key); ok {
		return v.(T), nil
	}
	v, err := build()
	if err != nil {
		var zero T
		return zero, err
	}
	checkers.Store(key, v)
	return v, nil
}

// reportOutcome is the Outcome of a result that explains itself with a
// hubrules.Report; omit names the members of value's JSON that the envelope
// holds (see Trimmed).
func reportOutcome(value any, r hubrules.Report, describe func(hubrules.Lang) string, omit ...string) Outcome {
	if describe == nil {
		describe = r.Describe
	}
	return Outcome{Value: value, Compliant: r.Compliant(), Describe: describe, Findings: failed(r),
		Verdict: verdict(r, false), Report: r, Result: trim(value, omit...)}
}
