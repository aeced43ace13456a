package bench

import (
	"context"
	"fmt"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// RuleIDs are the rules compared, in Mask bit order.
var RuleIDs = [7]string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6", "HUB-FORM-01"}

// Mask is a set of failed rules: bit i is RuleIDs[i].
type Mask uint8

// IDs lists the failed rule IDs in order.
func (m Mask) IDs() []string {
	var out []string
	for i, id := range RuleIDs {
		if m&(1<<i) != 0 {
			out = append(out, id)
		}
	}
	return out
}

func maskOf(id string) Mask {
	for i, x := range RuleIDs {
		if x == id {
			return 1 << i
		}
	}
	return 0
}

// Hubrules is the library side: the kaixuan six-synchronization checker and
// the hub checker's HUB-FORM-01 decision, both prepared once. Check reuses
// one SyncResult (SyncChecker.CheckInto, as a register loop would), so a
// Hubrules is not for concurrent use; the checkers it holds are.
type Hubrules struct {
	Sync *hub.SyncChecker
	Form *hub.Checker
	res  hub.SyncResult
}

// NewHubrules prepares the kaixuan checkers in effect on AsOf.
func NewHubrules() (*Hubrules, error) {
	s, err := hub.NewSyncChecker(hubrules.Kaixuan, AsOf)
	if err != nil {
		return nil, err
	}
	f, err := hub.NewChecker(hubrules.Kaixuan, AsOf)
	if err != nil {
		return nil, err
	}
	return &Hubrules{Sync: s, Form: f}, nil
}

// Check runs the full, explained check (every link's reason, unmet
// criteria, evidence and dates) and the form decision, and returns the
// failed rules.
func (h *Hubrules) Check(org *hub.SyncOrg) (Mask, error) {
	if err := h.Sync.CheckInto(&h.res, org, AsOf); err != nil {
		return 0, err
	}
	m := Mask(h.res.Failed())
	d, err := h.Form.Form(formalOf(org))
	if err != nil {
		return 0, err
	}
	if !d.Accepts(org.PartyForm) {
		m |= 1 << 6
	}
	return m, nil
}

// Verdict is the verdict-only path (SyncChecker.FailedLinks) plus the form
// decision.
func (h *Hubrules) Verdict(org *hub.SyncOrg) (Mask, error) {
	l, err := h.Sync.FailedLinks(*org, AsOf)
	if err != nil {
		return 0, err
	}
	m := Mask(l)
	d, err := h.Form.Form(formalOf(org))
	if err != nil {
		return 0, err
	}
	if !d.Accepts(org.PartyForm) {
		m |= 1 << 6
	}
	return m, nil
}

// The rules as boolean expressions over Facts, one per rule ID, true when
// the rule fails. expr and CEL share the text except the list predicate.
const (
	requiredStrength = `(formal_members >= own_branch_min ? 3 : (formal_members >= 1 ? 2 : 1))`
	ruleSync1        = `has_reg && (!has_plan || plan_day - reg_day > plan_max_days)`
	ruleSync2        = `has_move && (!has_census || census_day - move_day > census_max_days)`
	ruleSync4        = `report_years_failing > 0`
	ruleSync5        = `reelections_unreviewed > 0`
	ruleSync6        = `evaluations_unassessed > 0`
	ruleForm01       = `form_strength < ` + requiredStrength
)

// ExprRules are the seven rules in expr's language.
var ExprRules = [7]string{ruleSync1, ruleSync2,
	`has_move && (form_strength < ` + requiredStrength + ` || any(joint_per_quarter, # < min_joint_per_quarter))`,
	ruleSync4, ruleSync5, ruleSync6, ruleForm01}

// CELRules are the seven rules in CEL.
var CELRules = [7]string{ruleSync1, ruleSync2,
	`has_move && (form_strength < ` + requiredStrength + ` || joint_per_quarter.exists(q, q < min_joint_per_quarter))`,
	ruleSync4, ruleSync5, ruleSync6, ruleForm01}

// Expr holds seven boolean rules compiled once with expr, the environment
// declared with a value type (Facts, or LogEnv for the log rules), and a
// reused VM.
type Expr struct {
	progs [7]*vm.Program
	vm    vm.VM
}

// NewExpr compiles ExprRules over Facts.
func NewExpr() (*Expr, error) { return compileExpr(ExprRules, Facts{}) }

// compileExpr compiles rules with the environment declared as env's type.
func compileExpr(rules [7]string, env any) (*Expr, error) {
	e := &Expr{}
	for i, src := range rules {
		p, err := expr.Compile(src, expr.Env(env), expr.AsBool())
		if err != nil {
			return nil, fmt.Errorf("expr %s: %w", RuleIDs[i], err)
		}
		e.progs[i] = p
	}
	return e, nil
}

// Eval runs the seven boolean programs on env, the environment value boxed
// once by the caller (passing the struct would box it again on each of the
// seven runs). It is not safe for concurrent use (the VM is reused).
func (e *Expr) Eval(env any) (Mask, error) {
	var m Mask
	for i, p := range e.progs {
		out, err := e.vm.Run(p, env)
		if err != nil {
			return 0, fmt.Errorf("expr %s: %w", RuleIDs[i], err)
		}
		if out.(bool) {
			m |= 1 << i
		}
	}
	return m, nil
}

// CEL holds the seven rules compiled once with cel-go and planned with
// OptOptimize.
type CEL struct {
	progs [7]cel.Program
}

var celVars = [...]string{"has_reg", "reg_day", "has_plan", "plan_day", "plan_max_days",
	"has_move", "move_day", "has_census", "census_day", "census_max_days",
	"formal_members", "form_strength", "own_branch_min", "joint_per_quarter", "min_joint_per_quarter",
	"report_years", "report_years_failing", "reelections", "reelections_unreviewed", "evaluations", "evaluations_unassessed"}

// NewCEL compiles the rules.
func NewCEL() (*CEL, error) {
	var opts []cel.EnvOption
	for _, v := range celVars {
		t := cel.IntType
		switch {
		case strings.HasPrefix(v, "has_"):
			t = cel.BoolType
		case v == "joint_per_quarter":
			t = cel.ListType(cel.IntType)
		}
		opts = append(opts, cel.Variable(v, t))
	}
	env, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, err
	}
	c := &CEL{}
	for i, src := range CELRules {
		a, iss := env.Compile(src)
		if iss.Err() != nil {
			return nil, fmt.Errorf("%s: %w", RuleIDs[i], iss.Err())
		}
		if a.OutputType() != cel.BoolType {
			return nil, fmt.Errorf("%s: output %v, want bool", RuleIDs[i], a.OutputType())
		}
		p, err := env.Program(a, cel.EvalOptions(cel.OptOptimize))
		if err != nil {
			return nil, err
		}
		c.progs[i] = p
	}
	return c, nil
}

// CELInput is Facts converted once to CEL values, served by name without a
// map (an interpreter.Activation).
type CELInput struct {
	vals [len(celVars)]ref.Val
}

// NewCELInput converts f.
func NewCELInput(f Facts) *CELInput {
	b := func(v bool) ref.Val { return types.Bool(v) }
	i := func(v int) ref.Val { return types.Int(v) }
	q := make([]int64, len(f.JointPerQuarter))
	for k, n := range f.JointPerQuarter {
		q[k] = int64(n)
	}
	return &CELInput{vals: [len(celVars)]ref.Val{b(f.HasReg), i(f.RegDay), b(f.HasPlan), i(f.PlanDay), i(f.PlanMaxDays),
		b(f.HasMove), i(f.MoveDay), b(f.HasCensus), i(f.CensusDay), i(f.CensusMaxDays),
		i(f.FormalMembers), i(f.FormStrength), i(f.OwnBranchMin), types.DefaultTypeAdapter.NativeToValue(q), i(f.MinJointPerQuarter),
		i(f.ReportYears), i(f.ReportYearsFailing), i(f.Reelections), i(f.ReelectionsUnreviewed), i(f.Evaluations), i(f.EvaluationsUnassessed)}}
}

// ResolveName implements interpreter.Activation.
func (in *CELInput) ResolveName(name string) (any, bool) {
	var k int
	switch name {
	case "has_reg":
		k = 0
	case "reg_day":
		k = 1
	case "has_plan":
		k = 2
	case "plan_day":
		k = 3
	case "plan_max_days":
		k = 4
	case "has_move":
		k = 5
	case "move_day":
		k = 6
	case "has_census":
		k = 7
	case "census_day":
		k = 8
	case "census_max_days":
		k = 9
	case "formal_members":
		k = 10
	case "form_strength":
		k = 11
	case "own_branch_min":
		k = 12
	case "joint_per_quarter":
		k = 13
	case "min_joint_per_quarter":
		k = 14
	case "report_years":
		k = 15
	case "report_years_failing":
		k = 16
	case "reelections":
		k = 17
	case "reelections_unreviewed":
		k = 18
	case "evaluations":
		k = 19
	case "evaluations_unassessed":
		k = 20
	default:
		return nil, false
	}
	return in.vals[k], true
}

// Parent implements interpreter.Activation.
func (in *CELInput) Parent() interpreter.Activation { return nil }

// Eval runs the seven programs on in.
func (c *CEL) Eval(in *CELInput) (Mask, error) { return evalCEL(&c.progs, in) }

// evalCEL runs seven boolean programs on in: bit i set when program i is true.
func evalCEL(progs *[7]cel.Program, in interpreter.Activation) (Mask, error) {
	var m Mask
	for i, p := range progs {
		out, _, err := p.Eval(in)
		if err != nil {
			return 0, fmt.Errorf("cel %s: %w", RuleIDs[i], err)
		}
		if out == types.True {
			m |= 1 << i
		}
	}
	return m, nil
}

// RegoModule is the seven rules in Rego v1: data.hub.failed is the set of
// failed rule IDs.
const RegoModule = `package hub

required := 3 if input.formal_members >= input.own_branch_min

required := 2 if {
	input.formal_members >= 1
	input.formal_members < input.own_branch_min
}

required := 1 if input.formal_members < 1

failed contains "SYNC-1" if {
	input.has_reg
	not input.has_plan
}

failed contains "SYNC-1" if {
	input.has_reg
	input.has_plan
	input.plan_day - input.reg_day > input.plan_max_days
}

failed contains "SYNC-2" if {
	input.has_move
	not input.has_census
}

failed contains "SYNC-2" if {
	input.has_move
	input.has_census
	input.census_day - input.move_day > input.census_max_days
}

failed contains "SYNC-3" if {
	input.has_move
	input.form_strength < required
}

failed contains "SYNC-3" if {
	input.has_move
	some q in input.joint_per_quarter
	q < input.min_joint_per_quarter
}

failed contains "SYNC-4" if input.report_years_failing > 0

failed contains "SYNC-5" if input.reelections_unreviewed > 0

failed contains "SYNC-6" if input.evaluations_unassessed > 0

failed contains "HUB-FORM-01" if input.form_strength < required
`

// OPA holds the query data.hub.failed prepared once with PrepareForEval.
type OPA struct {
	pq rego.PreparedEvalQuery
}

// NewOPA compiles and prepares RegoModule (query data.hub.failed).
func NewOPA(ctx context.Context) (*OPA, error) {
	return prepareOPA(ctx, "data.hub.failed", "hub.rego", RegoModule)
}

// prepareOPA prepares query over one module, whose result is a set of
// failed rule IDs.
func prepareOPA(ctx context.Context, query, file, module string) (*OPA, error) {
	pq, err := rego.New(rego.Query(query), rego.Module(file, module)).PrepareForEval(ctx)
	if err != nil {
		return nil, err
	}
	return &OPA{pq: pq}, nil
}

// NewOPAInput converts f to OPA's AST value once (ast.InterfaceToValue).
func NewOPAInput(f Facts) (ast.Value, error) {
	q := f.JointPerQuarter
	if q == nil {
		q = []int{}
	}
	m := map[string]any{"has_reg": f.HasReg, "reg_day": f.RegDay, "has_plan": f.HasPlan, "plan_day": f.PlanDay,
		"plan_max_days": f.PlanMaxDays, "has_move": f.HasMove, "move_day": f.MoveDay, "has_census": f.HasCensus,
		"census_day": f.CensusDay, "census_max_days": f.CensusMaxDays, "formal_members": f.FormalMembers,
		"form_strength": f.FormStrength, "own_branch_min": f.OwnBranchMin, "joint_per_quarter": q,
		"min_joint_per_quarter": f.MinJointPerQuarter, "report_years": f.ReportYears, "report_years_failing": f.ReportYearsFailing,
		"reelections": f.Reelections, "reelections_unreviewed": f.ReelectionsUnreviewed,
		"evaluations": f.Evaluations, "evaluations_unassessed": f.EvaluationsUnassessed}
	return ast.InterfaceToValue(m)
}

// Eval evaluates the prepared query on the parsed input.
func (o *OPA) Eval(ctx context.Context, in ast.Value) (Mask, error) {
	rs, err := o.pq.Eval(ctx, rego.EvalParsedInput(in))
	if err != nil {
		return 0, err
	}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return 0, fmt.Errorf("opa: unexpected result %v", rs)
	}
	ids, ok := rs[0].Expressions[0].Value.([]any)
	if !ok {
		return 0, fmt.Errorf("opa: result %T, want a set", rs[0].Expressions[0].Value)
	}
	var m Mask
	for _, id := range ids {
		s, _ := id.(string)
		b := maskOf(s)
		if b == 0 {
			return 0, fmt.Errorf("opa: unknown rule %q", s)
		}
		m |= b
	}
	return m, nil
}

// GoRules is the reference line: the seven rules as plain Go over the same
// Facts the engines get (no engine, no explanation). It shows what the
// engines' interpretation costs on top of the facts.
func GoRules(f *Facts) Mask {
	var m Mask
	req := 1
	switch {
	case f.FormalMembers >= f.OwnBranchMin:
		req = 3
	case f.FormalMembers >= 1:
		req = 2
	}
	if f.HasReg && (!f.HasPlan || f.PlanDay-f.RegDay > f.PlanMaxDays) {
		m |= 1 << 0
	}
	if f.HasMove && (!f.HasCensus || f.CensusDay-f.MoveDay > f.CensusMaxDays) {
		m |= 1 << 1
	}
	if f.HasMove {
		short := f.FormStrength < req
		for _, q := range f.JointPerQuarter {
			if q < f.MinJointPerQuarter {
				short = true
			}
		}
		if short {
			m |= 1 << 2
		}
	}
	if f.ReportYearsFailing > 0 {
		m |= 1 << 3
	}
	if f.ReelectionsUnreviewed > 0 {
		m |= 1 << 4
	}
	if f.EvaluationsUnassessed > 0 {
		m |= 1 << 5
	}
	if f.FormStrength < req {
		m |= 1 << 6
	}
	return m
}
