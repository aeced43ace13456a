package incubation

import "github.com/hubrules/hubrules"

// MaturityClass is an organization's maturity (INC-CLASS-01, wuliqiao
// 分类施策): sprouting 萌芽型 (kaixuan 初创型), growing 成长型 or supporting
// 支持性. The class decides the support strategy.
type MaturityClass string

// The maturity classes.
const (
	Sprouting  MaturityClass = "sprouting"
	GrowingOrg MaturityClass = "growing"
	Supporting MaturityClass = "supporting"
)

// Valid reports whether c is a known class.
func (c MaturityClass) Valid() bool { return c == Sprouting || c == GrowingOrg || c == Supporting }

// Name returns the class in Chinese and English, with the programme's own
// word: kaixuan says 初创型 where wuliqiao says 萌芽型.
func (c MaturityClass) Name(programme hubrules.Programme) hubrules.Text {
	switch c {
	case Sprouting:
		if programme == hubrules.Kaixuan {
			return hubrules.T("初创型", "start-up")
		}
		return hubrules.T("萌芽型", "sprouting")
	case GrowingOrg:
		return hubrules.T("成长型", "growing")
	case Supporting:
		return hubrules.T("支持性", "supporting")
	}
	return hubrules.T("未知分类 "+string(c), "unknown class "+string(c))
}

// Strategy is the support a maturity class calls for (INC-CLASS-01).
type Strategy struct {
	Rule     string          `json:"rule"`
	Class    MaturityClass   `json:"class"`
	Name     hubrules.Text   `json:"name"`
	Measures []hubrules.Text `json:"measures"`
}

// StrategyFor returns the support strategy of class c: sprouting →
// incubation support 孵化扶持 (seed fund, venture contest); growing →
// capacity building through grading 规范增能、以评促建; supporting →
// cooperative development 合作发展. An unknown class is an InputError.
func StrategyFor(c MaturityClass) (Strategy, error) {
	switch c {
	case Sprouting:
		return Strategy{Rule: RuleClass, Class: c, Name: hubrules.T("孵化扶持，促进生存发展", "incubation support, for survival and growth"),
			Measures: []hubrules.Text{hubrules.T("公益创投种子基金", "venture-philanthropy seed fund"), hubrules.T("社区公益项目创投大赛", "community project venture contest"), hubrules.T("骨干培训、指导项目方案", "training of activists, help with project plans")}}, nil
	case GrowingOrg:
		return Strategy{Rule: RuleClass, Class: c, Name: hubrules.T("规范增能，以评促建", "capacity building through grading"),
			Measures: []hubrules.Text{hubrules.T("以规范化建设评级为抓手", "standardization grading as the lever"), hubrules.T("提升专业化和管理规范", "professional and management standards")}}, nil
	case Supporting:
		return Strategy{Rule: RuleClass, Class: c, Name: hubrules.T("合作发展，促进相融提升", "cooperative development"),
			Measures: []hubrules.Text{hubrules.T("委托运营、承接项目", "entrusted operation, contracted projects")}}, nil
	}
	return Strategy{}, hubrules.NewInputError(hubrules.FieldError{Path: "class", Code: "enum", Value: string(c),
		Message: hubrules.T("成熟度分类应为 sprouting、growing 或 supporting", "class must be sprouting, growing or supporting")})
}

// PathLevel is a step of kaixuan's four-level growth path (INC-PATH-01):
// 居民骨干 → 先锋社团 → 社区社会组织 → 枢纽型社会组织.
type PathLevel string

// The growth-path levels, lowest first.
const (
	ResidentActivist PathLevel = "resident_activist" // 居民骨干
	PioneerGroup     PathLevel = "pioneer_group"     // 先锋社团
	CommunityOrg     PathLevel = "community_org"     // 社区社会组织
	HubOrg           PathLevel = "hub_org"           // 枢纽型社会组织
)

// Rank returns 1…4 along the path, 0 for an unknown code.
func (l PathLevel) Rank() int {
	switch l {
	case ResidentActivist:
		return 1
	case PioneerGroup:
		return 2
	case CommunityOrg:
		return 3
	case HubOrg:
		return 4
	}
	return 0
}

// Valid reports whether l is a known level.
func (l PathLevel) Valid() bool { return l.Rank() > 0 }

// Name returns the level in Chinese and English.
func (l PathLevel) Name() hubrules.Text {
	switch l {
	case ResidentActivist:
		return hubrules.T("居民骨干", "resident activist")
	case PioneerGroup:
		return hubrules.T("先锋社团", "pioneer group")
	case CommunityOrg:
		return hubrules.T("社区社会组织", "community social organization")
	case HubOrg:
		return hubrules.T("枢纽型社会组织", "hub-type organization")
	}
	return hubrules.T("未知层级 "+string(l), "unknown level "+string(l))
}

// PathStep is the decision on a move along the growth path.
type PathStep struct {
	From    PathLevel         `json:"from"`
	To      PathLevel         `json:"to"`
	Allowed bool              `json:"allowed"`
	Finding *hubrules.Finding `json:"finding,omitempty"`
}

var (
	msgPathSkip = hubrules.T("成长路径须逐级上升，不能跨级", "the growth path moves one level at a time; skipping is refused")
	msgPathBack = hubrules.T("成长路径只能向上一级，不能停留或后退", "the growth path only moves up one level, not sideways or back")
)

// StepPath decides a move from one growth-path level to another
// (INC-PATH-01): exactly one level up is allowed; a skip, a stay or a move
// back is refused with a finding. Unknown levels are an InputError.
func StepPath(from, to PathLevel) (PathStep, error) {
	var p hubrules.Problems
	if !from.Valid() {
		p.Add("from", "enum", string(from), hubrules.UnknownCode("from", string(from), from))
	}
	if !to.Valid() {
		p.Add("to", "enum", string(to), hubrules.UnknownCode("to", string(to), to))
	}
	if err := p.Err(); err != nil {
		return PathStep{}, err
	}
	s := PathStep{From: from, To: to, Allowed: to.Rank() == from.Rank()+1}
	if !s.Allowed {
		msg := msgPathSkip
		if to.Rank() <= from.Rank() {
			msg = msgPathBack
		}
		s.Finding = &hubrules.Finding{Rule: RulePath, Severity: hubrules.Violation, Message: msg,
			Facts: []hubrules.Fact{{Name: "from", Value: string(from)}, {Name: "to", Value: string(to)}}}
	}
	return s, nil
}

// Codes lists the maturity classes (hubrules.Coded).
func (MaturityClass) Codes() []hubrules.Code {
	out := make([]hubrules.Code, 0, 3)
	for _, c := range []MaturityClass{Sprouting, GrowingOrg, Supporting} {
		out = append(out, hubrules.Code{Code: string(c), Name: c.Name(hubrules.National)})
	}
	return out
}

// Codes lists the path levels (hubrules.Coded).
func (PathLevel) Codes() []hubrules.Code {
	return hubrules.CodesOf(ResidentActivist, PioneerGroup, CommunityOrg, HubOrg)
}
