package bench_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"unsafe"

	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/hub"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const nOrgs = 1000

// fixture is the population and every engine's prepared input, built once.
type fixture struct {
	orgs  []hub.SyncOrg
	facts []bench.Facts
	env   []any // facts boxed once for expr
	cel   []*bench.CELInput
	opa   []ast.Value
	hub   *bench.Hubrules
	expr  *bench.Expr
	celE  *bench.CEL
	opaE  *bench.OPA
	// The log engines: the same rules written in full over the event log.
	logp    bench.LogParams
	logEnv  []any // bench.LogEnv boxed once for expr
	logCEL  []*bench.CELLogInput
	logOPA  []ast.Value
	exprLog *bench.Expr
	exprOne *bench.ExprLogOneProgram
	celLog  *bench.CELLog
	opaLog  *bench.OPA
}

var (
	fixOnce, longOnce sync.Once
	fix, long         fixture
	fixErr, longErr   error
)

// load returns the fixture of today's register: bench.Generate's 1,000
// organizations, at most 51 events each.
func load(tb testing.TB) *fixture {
	tb.Helper()
	fixOnce.Do(func() { fixErr = fix.build(bench.Generate(nOrgs, bench.Seed)) })
	require.NoError(tb, fixErr)
	return &fix
}

// loadLongTail returns the fixture of the long-tailed register:
// bench.GenerateLongTail's 1,000 organizations, 10 to 1,000 events.
func loadLongTail(tb testing.TB) *fixture {
	tb.Helper()
	longOnce.Do(func() { longErr = long.build(bench.GenerateLongTail(nOrgs, bench.Seed+2)) })
	require.NoError(tb, longErr)
	return &long
}

// build prepares every engine and every engine's input for orgs.
// The result is named fixErr, as the package variable it is stored in,
// so that each step reads as before: set it and return.
func (f *fixture) build(orgs []hub.SyncOrg) (fixErr error) {
	f.orgs = orgs
	if f.hub, fixErr = bench.NewHubrules(); fixErr != nil {
		return
	}
	if f.expr, fixErr = bench.NewExpr(); fixErr != nil {
		return
	}
	if f.celE, fixErr = bench.NewCEL(); fixErr != nil {
		return
	}
	if f.opaE, fixErr = bench.NewOPA(context.Background()); fixErr != nil {
		return
	}
	if f.exprLog, fixErr = bench.NewExprLog(); fixErr != nil {
		return
	}
	if f.exprOne, fixErr = bench.NewExprLogOne(); fixErr != nil {
		return
	}
	if f.celLog, fixErr = bench.NewCELLog(); fixErr != nil {
		return
	}
	if f.opaLog, fixErr = bench.NewOPALog(context.Background()); fixErr != nil {
		return
	}
	p := f.hub.Sync.Params()
	if f.logp, fixErr = bench.NewLogParams(bench.AsOf, p); fixErr != nil {
		return
	}
	for i := range f.orgs {
		le := bench.NewLogEnv(&f.orgs[i], f.logp)
		f.logEnv = append(f.logEnv, le)
		f.logCEL = append(f.logCEL, f.celLog.NewInput(&le))
		lv, err := bench.NewOPALogInput(&le)
		if err != nil {
			fixErr = err
			return
		}
		f.logOPA = append(f.logOPA, lv)
	}
	for i := range f.orgs {
		fa := bench.DeriveFacts(&f.orgs[i], bench.AsOf, p)
		f.facts = append(f.facts, fa)
		f.env = append(f.env, fa)
		f.cel = append(f.cel, bench.NewCELInput(fa))
		v, err := bench.NewOPAInput(fa)
		if err != nil {
			fixErr = err
			return
		}
		f.opa = append(f.opa, v)
	}
	return nil
}

// TestEnginesAgree asserts that hubrules (full and verdict-only), expr, CEL
// and OPA — each over the event log and over the derived facts — and the
// plain-Go facts rules fail the same rules for every organization.
func TestEnginesAgree(t *testing.T) {
	t.Run("register", func(t *testing.T) { enginesAgree(t, load(t)) })
	t.Run("long-tail", func(t *testing.T) { enginesAgree(t, loadLongTail(t)) })
}

func enginesAgree(t *testing.T, f *fixture) {
	ctx := context.Background()
	var perRule [7]int
	for i := range f.orgs {
		org := &f.orgs[i]
		want, err := f.hub.Check(org)
		require.NoError(t, err, org.ID)
		v, err := f.hub.Verdict(org)
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), bench.GoRules(&f.facts[i]).IDs(), "%s go", org.ID)
		e, err := f.expr.Eval(f.env[i])
		require.NoError(t, err, org.ID)
		c, err := f.celE.Eval(f.cel[i])
		require.NoError(t, err, org.ID)
		o, err := f.opaE.Eval(ctx, f.opa[i])
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), v.IDs(), "%s verdict-only", org.ID)
		assert.Equal(t, want.IDs(), e.IDs(), "%s expr-facts", org.ID)
		assert.Equal(t, want.IDs(), c.IDs(), "%s cel-facts", org.ID)
		assert.Equal(t, want.IDs(), o.IDs(), "%s opa-facts", org.ID)
		e, err = f.exprLog.Eval(f.logEnv[i])
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), e.IDs(), "%s expr", org.ID)
		e, err = f.exprOne.Eval(f.logEnv[i])
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), e.IDs(), "%s expr-one", org.ID)
		c, err = f.celLog.Eval(f.logCEL[i])
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), c.IDs(), "%s cel", org.ID)
		o, err = f.opaLog.Eval(ctx, f.logOPA[i])
		require.NoError(t, err, org.ID)
		assert.Equal(t, want.IDs(), o.IDs(), "%s opa", org.ID)
		for k := range perRule {
			if want&(1<<k) != 0 {
				perRule[k]++
			}
		}
	}
	events, longest, compliant := 0, 0, 0
	for i := range f.orgs {
		events += len(f.orgs[i].Events)
		longest = max(longest, len(f.orgs[i].Events))
	}
	for i := range f.orgs {
		if m, _ := f.hub.Check(&f.orgs[i]); m == 0 {
			compliant++
		}
	}
	t.Logf("%d organizations, %.1f events each on average, at most %d, %d fully compliant", nOrgs, float64(events)/nOrgs, longest, compliant)
	// A realistic mix: every rule fails for some organizations and passes
	// for most.
	for k, n := range perRule {
		t.Logf("%s fails for %d of %d", bench.RuleIDs[k], n, nOrgs)
		assert.Greater(t, n, nOrgs/50, bench.RuleIDs[k])
		assert.Less(t, n, nOrgs/2, bench.RuleIDs[k])
	}
}

// TestGenerateDeterministic pins the seed: the same population every run.
func TestGenerateDeterministic(t *testing.T) {
	a := bench.Generate(50, bench.Seed)
	b := bench.Generate(50, bench.Seed)
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, bench.Generate(50, bench.Seed+1))
}

// cycle runs body on organization 0, 1, … 999, 0, … once per b.Loop
// iteration and reports, besides ns/op, the calling thread's CPU time per op
// (cpu-ns/op), which other processes on the machine cannot inflate.
func cycle(b *testing.B, body func(i int)) {
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := threadCPU()
	i := 0
	for b.Loop() {
		body(i)
		if i++; i == nOrgs {
			i = 0
		}
	}
	b.ReportMetric(float64(threadCPU()-cpu0)/float64(b.N), "cpu-ns/op")
}

func BenchmarkSixSync(b *testing.B) {
	f := load(b)
	ctx := context.Background()
	var sink bench.Mask
	n := 0
	must := func(m bench.Mask, err error) {
		if err != nil {
			b.Fatal(err)
		}
		sink |= m
	}
	b.Run("hubrules", func(b *testing.B) {
		cycle(b, func(i int) { must(f.hub.Check(&f.orgs[i])) })
	})
	b.Run("hubrules-verdict", func(b *testing.B) {
		cycle(b, func(i int) { must(f.hub.Verdict(&f.orgs[i])) })
	})
	b.Run("hubrules-batch", func(b *testing.B) {
		// The same full check from the 1,000 organizations loaded once
		// into a hub.SyncBatch (validated at load, 8-byte events).
		sb := newBatch(b, f.orgs)
		cycle(b, func(i int) { must(f.hub.CheckBatch(sb, i)) })
	})
	b.Run("hubrules-report", func(b *testing.B) {
		// The full check plus the generic hubrules.Report with formatted
		// facts per failed link (what a caller renders or stores).
		cycle(b, func(i int) {
			r, err := f.hub.Sync.Check(f.orgs[i], bench.AsOf)
			if err != nil {
				b.Fatal(err)
			}
			n += len(r.Report().Findings)
		})
	})
	b.Run("derive-facts", func(b *testing.B) {
		// The Go reduction of the event log the engines below are spared.
		p := f.hub.Sync.Params()
		cycle(b, func(i int) { n += bench.DeriveFacts(&f.orgs[i], bench.AsOf, p).ReportYears })
	})
	b.Run("go-facts", func(b *testing.B) {
		// Reference: the rules as plain Go over the engines' facts.
		cycle(b, func(i int) { sink |= bench.GoRules(&f.facts[i]) })
	})
	// The engines with the seven rules written in full over the event log
	// (logengines.go): the same input hubrules reads.
	b.Run("expr", func(b *testing.B) {
		cycle(b, func(i int) { must(f.exprLog.Eval(f.logEnv[i])) })
	})
	b.Run("expr-one", func(b *testing.B) {
		// The seven rules as one expr program sharing the log grouped by kind.
		cycle(b, func(i int) { must(f.exprOne.Eval(f.logEnv[i])) })
	})
	b.Run("cel", func(b *testing.B) {
		cycle(b, func(i int) { must(f.celLog.Eval(f.logCEL[i])) })
	})
	b.Run("opa", func(b *testing.B) {
		cycle(b, func(i int) { must(f.opaLog.Eval(ctx, f.logOPA[i])) })
	})
	// The engines over Facts that Go already reduced from the log
	// (engines.go; the reduction is derive-facts): the engine tax alone.
	b.Run("expr-facts", func(b *testing.B) {
		cycle(b, func(i int) { must(f.expr.Eval(f.env[i])) })
	})
	b.Run("cel-facts", func(b *testing.B) {
		cycle(b, func(i int) { must(f.celE.Eval(f.cel[i])) })
	})
	b.Run("opa-facts", func(b *testing.B) {
		cycle(b, func(i int) { must(f.opaE.Eval(ctx, f.opa[i])) })
	})
	_, _ = sink, n
}

// allocInput: 15,000,000.00 yuan over 535 projects whose requests (the
// weights, in fen) run from 5,000 to 200,000 yuan, fixed seed.
func allocInput() (funding.Money, []int64) {
	r := rand.New(rand.NewPCG(bench.Seed, 535))
	w := make([]int64, 535)
	for i := range w {
		w[i] = (5000 + r.Int64N(195001)) * 100
	}
	return funding.Yuan(15_000_000), w
}

func TestAllocateMatchesBaseline(t *testing.T) {
	amount, w := allocInput()
	got, err := funding.Allocate(amount, w)
	require.NoError(t, err)
	base := make([]int64, len(w))
	bench.LargestRemainder(base, amount.Fen(), w)
	var sum int64
	for i := range got {
		require.Equal(t, base[i], got[i].Fen(), "project %d", i)
		sum += got[i].Fen()
	}
	assert.Equal(t, amount.Fen(), sum)
}

// TestAllocateMatchesBaselineRandom checks the quickselect baseline
// against funding.AllocateInto fen by fen on random inputs of 1 to
// 100,000 projects, with budgets drawn from a few values (many equal
// remainders: ties) or from a wide range.
func TestAllocateMatchesBaselineRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(bench.Seed, 19))
	for it := 0; it < 200; it++ {
		n := 1 + r.IntN(100)
		if it%4 == 3 {
			n = 1 + r.IntN(100_000)
		}
		w := make([]int64, n)
		levels := 1 + r.Int64N(5)
		for i := range w {
			if it%2 == 0 {
				w[i] = (1 + r.Int64N(levels)) * 100_003
			} else {
				w[i] = r.Int64N(100_000_000)
			}
		}
		w[r.IntN(n)]++
		amount := funding.Fen(r.Int64N(10_000_000_000))
		got := make([]funding.Money, n)
		require.NoError(t, funding.AllocateInto(got, amount, w))
		base := make([]int64, n)
		bench.LargestRemainder(base, amount.Fen(), w)
		for i := range got {
			require.Equal(t, base[i], got[i].Fen(), "case %d (%d projects), project %d", it, n, i)
		}
	}
}

func BenchmarkAllocate(b *testing.B) {
	amount, w := allocInput()
	b.Run("hubrules", func(b *testing.B) {
		dst := make([]funding.Money, len(w))
		cycle(b, func(int) {
			if err := funding.AllocateInto(dst, amount, w); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("int64", func(b *testing.B) {
		dst := make([]int64, len(w))
		cycle(b, func(int) { bench.LargestRemainder(dst, amount.Fen(), w) })
	})
}

// allocScaleInput is allocInput's budgets for n projects and a grant of
// 28,037 yuan a project on average (15,000,000 over 535).
func allocScaleInput(n int) (funding.Money, []int64) {
	r := rand.New(rand.NewPCG(bench.Seed, uint64(n)))
	w := make([]int64, n)
	for i := range w {
		w[i] = (5000 + r.Int64N(195001)) * 100
	}
	return funding.Fen(int64(n) * 2_803_737), w
}

// BenchmarkAllocateScale is BenchmarkAllocate from 10 to 100,000 projects.
func BenchmarkAllocateScale(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10_000, 100_000} {
		amount, w := allocScaleInput(n)
		b.Run("projects="+strconv.Itoa(n)+"/impl=hubrules", func(b *testing.B) {
			dst := make([]funding.Money, n)
			cycle(b, func(int) {
				if err := funding.AllocateInto(dst, amount, w); err != nil {
					b.Fatal(err)
				}
			})
		})
		b.Run("projects="+strconv.Itoa(n)+"/impl=int64", func(b *testing.B) {
			dst := make([]int64, n)
			cycle(b, func(int) { bench.LargestRemainder(dst, amount.Fen(), w) })
		})
	}
}

// BenchmarkSixSyncLongTail is BenchmarkSixSync's hubrules and log
// engines on the long-tailed register (bench.GenerateLongTail: 10 to
// 1,000 events an organization). One op is the whole register of 1,000,
// so that every length is in each measurement however short the
// benchtime; ns/org and cpu-ns/org are reported.
func BenchmarkSixSyncLongTail(b *testing.B) {
	f := loadLongTail(b)
	ctx := context.Background()
	out := make([]bench.Mask, nOrgs)
	run := func(name string, check func(i int) (bench.Mask, error)) {
		b.Run("engine="+name, func(b *testing.B) { registerLoop(b, nOrgs, check, out) })
	}
	run("hubrules", func(i int) (bench.Mask, error) { return f.hub.Check(&f.orgs[i]) })
	run("hubrules-verdict", func(i int) (bench.Mask, error) { return f.hub.Verdict(&f.orgs[i]) })
	sb := newBatch(b, f.orgs)
	run("hubrules-batch", func(i int) (bench.Mask, error) { return f.hub.CheckBatch(sb, i) })
	run("expr", func(i int) (bench.Mask, error) { return f.exprLog.Eval(f.logEnv[i]) })
	run("expr-one", func(i int) (bench.Mask, error) { return f.exprOne.Eval(f.logEnv[i]) })
	run("cel", func(i int) (bench.Mask, error) { return f.celLog.Eval(f.logCEL[i]) })
	run("opa", func(i int) (bench.Mask, error) { return f.opaLog.Eval(ctx, f.logOPA[i]) })
}

const registerSize = 1_000_000

var (
	registerOnce sync.Once
	register     []hub.SyncOrg
)

// BenchmarkRegister checks a district register of 1,000,000 distinct
// organizations (six synchronizations with full reasons plus HUB-FORM-01)
// on one goroutine; one op is the whole register and ns/org is reported.
func BenchmarkRegister(b *testing.B) {
	f := load(b)
	registerOnce.Do(func() { register = bench.Generate(registerSize, bench.Seed+1) })
	out := make([]bench.Mask, registerSize)
	run := func(b *testing.B, check func(*hub.SyncOrg) (bench.Mask, error)) {
		registerLoop(b, registerSize, func(i int) (bench.Mask, error) { return check(&register[i]) }, out)
	}
	b.Run("hubrules", func(b *testing.B) { run(b, f.hub.Check) })
	b.Run("hubrules-verdict", func(b *testing.B) { run(b, f.hub.Verdict) })
	// The register as a platform holds it: loaded once into a
	// hub.SyncBatch, then checked (full reasons plus HUB-FORM-01) as of the
	// evaluation date. -batch-load is the one-off load.
	sb := loadRegisterBatch(b)
	b.Run("hubrules-batch", func(b *testing.B) {
		registerLoop(b, registerSize, func(i int) (bench.Mask, error) { return f.hub.CheckBatch(sb, i) }, out)
	})
	b.Run("hubrules-batch-load", func(b *testing.B) {
		perOrg(b, func() int { return newBatch(b, register).Len() })
	})
	// The memory floor (issue 19 item 5): one core reading, once and in
	// order, as many bytes as each path's check reads — the batch's
	// entries and events (SyncBatch.Bytes), and for the plain path each
	// SyncOrg and its events — reported per organization like the checks.
	plain := 0
	for i := range register {
		plain += int(unsafe.Sizeof(register[i])) + len(register[i].Events)*int(unsafe.Sizeof(hub.SyncEvent{}))
	}
	for _, floor := range []struct {
		name  string
		bytes int
	}{{"floor-batch-bytes", sb.Bytes()}, {"floor-plain-bytes", plain}} {
		words := make([]uint64, floor.bytes/8)
		for i := range words {
			words[i] = uint64(i)
		}
		b.Run(floor.name, func(b *testing.B) {
			perOrg(b, func() int {
				floorSum += scanWords(words)
				return registerSize
			})
			b.ReportMetric(float64(floor.bytes)/registerSize, "B/org")
		})
	}
}

// floorSum keeps the floor scans' sums, so that they are not optimized
// away.
var floorSum uint64

// scanWords reads every word of w once, in order, four at a time.
func scanWords(w []uint64) uint64 {
	var a, b, c, d uint64
	i := 0
	for ; i+4 <= len(w); i += 4 {
		a += w[i]
		b += w[i+1]
		c += w[i+2]
		d += w[i+3]
	}
	for ; i < len(w); i++ {
		a += w[i]
	}
	return a + b + c + d
}

// threadCPU returns the CPU time (user + system) of the calling OS thread in
// nanoseconds (Linux RUSAGE_THREAD).
func threadCPU() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
