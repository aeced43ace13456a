package grading

import "github.com/hubrules/hubrules"

// System is one of the seven institutional systems (七项制度) wuliqiao
// requires of its member organizations (GRD-SYS-01).
type System string

// The seven systems.
const (
	SysBoard        System = "board"             // 理事会制度
	SysSupervisory  System = "supervisory_board" // 监事会制度
	SysFinance      System = "finance"           // 财务管理制度
	SysDisclosure   System = "disclosure"        // 信息公开制度
	SysMajorMatters System = "major_matters"     // 重大事项报告制度
	SysArchives     System = "archives_seals"    // 档案和印章管理制度
	SysLabour       System = "labour"            // 劳动用工制度
)

// Systems lists the seven systems in their fixed order.
func Systems() [7]System {
	return [7]System{SysBoard, SysSupervisory, SysFinance, SysDisclosure, SysMajorMatters, SysArchives, SysLabour}
}

func (s System) index() int {
	switch s {
	case SysBoard:
		return 0
	case SysSupervisory:
		return 1
	case SysFinance:
		return 2
	case SysDisclosure:
		return 3
	case SysMajorMatters:
		return 4
	case SysArchives:
		return 5
	case SysLabour:
		return 6
	}
	return -1
}

// Valid reports whether s is one of the seven systems.
func (s System) Valid() bool { return s.index() >= 0 }

var systemNames = [7]hubrules.Text{
	{ZH: "理事会制度", EN: "board (理事会) rules"},
	{ZH: "监事会制度", EN: "supervisory board (监事会) rules"},
	{ZH: "财务管理制度", EN: "financial management rules"},
	{ZH: "信息公开制度", EN: "information disclosure rules"},
	{ZH: "重大事项报告制度", EN: "major-matter reporting rules"},
	{ZH: "档案和印章管理制度", EN: "archives and seals rules"},
	{ZH: "劳动用工制度", EN: "labour and employment rules"},
}

var systemMissing = [7]hubrules.Text{
	{ZH: "缺少理事会制度，内部治理扣分", EN: "no board rules; the governance indicator is lowered"},
	{ZH: "缺少监事会制度，内部治理扣分", EN: "no supervisory board rules; the governance indicator is lowered"},
	{ZH: "缺少财务管理制度，内部治理扣分", EN: "no financial management rules; the governance indicator is lowered"},
	{ZH: "缺少信息公开制度，内部治理扣分", EN: "no information disclosure rules; the governance indicator is lowered"},
	{ZH: "缺少重大事项报告制度，内部治理扣分", EN: "no major-matter reporting rules; the governance indicator is lowered"},
	{ZH: "缺少档案和印章管理制度，内部治理扣分", EN: "no archives and seals rules; the governance indicator is lowered"},
	{ZH: "缺少劳动用工制度，内部治理扣分", EN: "no labour and employment rules; the governance indicator is lowered"},
}

// Name returns the system's name.
func (s System) Name() hubrules.Text {
	if i := s.index(); i >= 0 {
		return systemNames[i]
	}
	return hubrules.T("未知制度 "+string(s), "unknown system "+string(s))
}

// systemSet reads a list of systems into a bitmask, reporting unknown and
// duplicate codes under path.
func systemSet(path string, list []System, p *hubrules.Problems) uint8 {
	var m uint8
	for i, s := range list {
		ix := s.index()
		if ix < 0 {
			p.Add(hubrules.Index(path, i), "enum", string(s), hubrules.UnknownCode("systems", string(s), s))
			continue
		}
		if m&(1<<ix) != 0 {
			p.Add(hubrules.Index(path, i), "duplicate", string(s), hubrules.T("制度重复："+hubrules.Label(s).ZH, "system listed twice: "+string(s)))
		}
		m |= 1 << ix
	}
	return m
}

// SystemsResult is the check of the seven systems (GRD-SYS-01).
type SystemsResult struct {
	Present  []System           `json:"present"`
	Missing  []System           `json:"missing"`
	Check    hubrules.Check     `json:"check"`
	Findings []hubrules.Finding `json:"findings,omitempty"`
}

// CheckSystems checks which of the seven institutional systems an
// organization has: each missing one is a warning finding (GRD-SYS-01).
// Unknown or duplicate codes are an *hubrules.InputError.
func CheckSystems(org string, have []System) (SystemsResult, error) {
	var p hubrules.Problems
	m := systemSet("systems", have, &p)
	if err := p.Err(); err != nil {
		return SystemsResult{}, err
	}
	r := SystemsResult{Check: hubrules.Check{Rule: RuleSystems, Subject: org, Outcome: hubrules.Pass}}
	for i, s := range Systems() {
		if m&(1<<i) != 0 {
			r.Present = append(r.Present, s)
			continue
		}
		r.Missing = append(r.Missing, s)
		r.Findings = append(r.Findings, missingSystemFinding(org, i, 0))
	}
	if len(r.Missing) > 0 {
		r.Check.Outcome = hubrules.Fail
	}
	return r, nil
}

func missingSystemFinding(org string, i int, ded hubrules.Points) hubrules.Finding {
	f := hubrules.Finding{Rule: RuleSystems, Severity: hubrules.Warning, Subject: org, Message: systemMissing[i],
		Facts: []hubrules.Fact{{Name: "system", Value: string(Systems()[i])}}}
	if ded > 0 {
		f.Facts = append(f.Facts, hubrules.Fact{Name: "deduction", Value: ded.String()})
	}
	return f
}

// Codes lists the institutional systems (hubrules.Coded).
func (System) Codes() []hubrules.Code { s := Systems(); return hubrules.CodesOf(s[:]...) }
