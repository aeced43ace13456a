package kinds

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// GovernanceInput is the input of "check governance": who carries each
// party-work task, the functions the hub performs and its board's term.
type GovernanceInput struct {
	// Hub names the hub-type organization the decision is about.
	Hub string `json:"hub" validate:"required,max=200"`
	// Tasks are the party-work tasks with who carries each (HUB-ADMIN-01:
	// administrative party work stays with the service centre).
	Tasks []hub.Assignment `json:"tasks" validate:"required,max=1000,dive"`
	// Functions are the hub functions the hub performs (HUB-FUNC-01: each
	// of the programme's required functions must be among them).
	Functions []hub.Function `json:"functions" validate:"required,max=100,dive,enum"`
	// Board is the hub's board (理事会) and its current term
	// (HUB-BOARD-01). Absent: the hub has no board, and HUB-BOARD-01 is
	// not applicable.
	Board *hub.Board `json:"board,omitempty" doc:"理事会；缺省：没有理事会，HUB-BOARD-01 不适用 / the board; absent: no board, HUB-BOARD-01 not applicable"`
}

// GovernanceResult is the result of "check governance".
type GovernanceResult struct {
	Hub       string              `json:"hub"`
	Functions hub.FunctionsResult `json:"functions"`
	// Board is absent when the input has no board.
	Board  *hub.BoardResult `json:"board,omitempty"`
	Report hubrules.Report  `json:"report"`
}

// CentreResult is the result of "check centre": the centre as given,
// with the conditions of HUB-CENTRE-01 in the envelope's checks.
type CentreResult struct {
	Input  hub.Centre      `json:"input"`
	Report hubrules.Report `json:"report"`
}

// XiyuanInput is the input of "check xiyuan": a community's "两委两站"
// posts, its "1+2+X" station and the certified social workers of its four
// bodies.
type XiyuanInput struct {
	// Community names the community the decision is about.
	Community string `json:"community" validate:"required,max=200"`
	// Posts are the holders of the "两委两站" posts (HUB-XIYUAN-01).
	Posts *hub.Posts `json:"posts" validate:"required"`
	// Station is the staffing of the social-work service station
	// (HUB-XIYUAN-02).
	Station *hub.Station `json:"station" validate:"required"`
	// Bodies are the certified social workers of each community body
	// (HUB-XIYUAN-03); a body not listed has none.
	Bodies []hub.BodyStaff `json:"bodies" validate:"required,max=4,dive"`
}

// XiyuanResult is the result of "check xiyuan": the input as given, with
// the checks of HUB-XIYUAN-01/02/03 in the envelope.
type XiyuanResult struct {
	Input  XiyuanInput     `json:"input"`
	Report hubrules.Report `json:"report"`
}

// joinReports returns the checks and findings of rs in order, under their
// merged basis.
func joinReports(rs ...hubrules.Report) hubrules.Report {
	out := hubrules.Report{Findings: []hubrules.Finding{}}
	for i, r := range rs {
		if i == 0 {
			out.Basis = r.Basis.Clone()
		} else {
			out.Basis = mergeBasis(out.Basis, r.Basis)
		}
		out.Checks = append(out.Checks, r.Checks...)
		out.Findings = append(out.Findings, r.Findings...)
	}
	return out
}

// hubKind is a "check" kind of package hub, evaluated by run with the
// programme's hub.Checker.
func hubKind(name string, summary hubrules.Text, input func() any, run func(c *hub.Checker, in any, asOf hubrules.Date) (Outcome, error)) Kind {
	return Kind{Name: name, Package: "hub", Sets: hubSets, Summary: summary, Input: input,
		Eval: evalWith(hubChecker, run)}
}

func init() {
	register(
		hubKind("check governance", hubrules.T("枢纽组织治理：管办分离、五大功能、理事会任期（HUB-ADMIN/FUNC/BOARD-01）", "hub governance: administrative work, the hub functions, the board's term (HUB-ADMIN/FUNC/BOARD-01)"),
			func() any { return new(GovernanceInput) }, evalGovernance),
		hubKind("check centre", hubrules.T("街道社会组织服务中心条件（HUB-CENTRE-01）", "conditions of a street service centre (HUB-CENTRE-01)"),
			func() any { return new(hub.Centre) },
			func(c *hub.Checker, in any, asOf hubrules.Date) (Outcome, error) {
				ct := *in.(*hub.Centre)
				r, err := c.CheckCentre(ct, asOf)
				if err != nil {
					return Outcome{}, err
				}
				return reportOutcome(CentreResult{Input: ct, Report: r}, r, nil, "report"), nil
			}),
		hubKind("check day", hubrules.T("每月党员固定奉献日（HUB-DAY-01）", "the monthly party dedication day (HUB-DAY-01)"),
			func() any { return new(hub.Calendar) },
			func(c *hub.Checker, in any, asOf hubrules.Date) (Outcome, error) {
				r, err := c.CheckDedicationDay(*in.(*hub.Calendar), asOf)
				if err != nil {
					return Outcome{}, err
				}
				return reportOutcome(r, r.Report, nil, "report"), nil
			}),
		hubKind("check xiyuan", hubrules.T("“两委两站”、“1+2+X”服务站与“4+1”社会工作师（HUB-XIYUAN-01/02/03）", "\"two committees, two stations\", the \"1+2+X\" station and \"4+1\" social workers (HUB-XIYUAN-01/02/03)"),
			func() any { return new(XiyuanInput) }, evalXiyuan),
	)
}

func evalGovernance(c *hub.Checker, in any, asOf hubrules.Date) (Outcome, error) {
	g := in.(*GovernanceInput)
	var p hubrules.Problems
	admin, err := c.CheckAdmin(hub.Assignments{Hub: g.Hub, Tasks: g.Tasks}, asOf)
	p.Merge("", err)
	funcs, err := c.CheckFunctions(g.Functions, asOf)
	p.Merge("", err)
	res := GovernanceResult{Hub: g.Hub, Functions: funcs}
	board := hubrules.Report{Checks: []hubrules.Check{{Rule: hub.RuleBoard01, Subject: "board", Outcome: hubrules.NotApplicable}}}
	if g.Board != nil {
		b, err := c.CheckBoard(*g.Board, asOf)
		p.Merge("board", err)
		res.Board, board = &b, b.Report
	}
	if err := p.Err(); err != nil {
		return Outcome{}, err
	}
	res.Report = joinReports(admin, funcs.Report, board)
	return reportOutcome(res, res.Report, nil, "report", "functions.report", "board.report"), nil
}

func evalXiyuan(c *hub.Checker, in any, asOf hubrules.Date) (Outcome, error) {
	x := in.(*XiyuanInput)
	var p hubrules.Problems
	posts, err := c.CheckPosts(*x.Posts, asOf)
	p.Merge("posts", err)
	station, err := c.CheckStation(*x.Station, asOf)
	p.Merge("station", err)
	bodies, err := c.CheckFourPlusOne(x.Bodies, asOf)
	p.Merge("", err)
	if err := p.Err(); err != nil {
		return Outcome{}, err
	}
	r := joinReports(posts, station, bodies)
	return reportOutcome(XiyuanResult{Input: *x, Report: r}, r, nil, "report"), nil
}
