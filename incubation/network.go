package incubation

import "github.com/hubrules/hubrules"

// Base is a level of jingan's three-level incubation network (INC-NET-01,
// 三级社会组织培育孵化网络).
type Base string

// The bases.
const (
	// DistrictBase is 区级基地 (e.g. 静安创益空间).
	DistrictBase Base = "district_base"
	// SocialBase is 社会基地 (a street centre recognized as a base).
	SocialBase Base = "social_base"
	// PracticePark is 公益实践园.
	PracticePark Base = "practice_park"
)

// Valid reports whether b is a known base.
func (b Base) Valid() bool { return b == DistrictBase || b == SocialBase || b == PracticePark }

// Name returns the base in Chinese and English.
func (b Base) Name() hubrules.Text {
	switch b {
	case DistrictBase:
		return hubrules.T("区级基地", "district base")
	case SocialBase:
		return hubrules.T("社会基地", "social base")
	case PracticePark:
		return hubrules.T("公益实践园", "public-benefit practice park")
	}
	return hubrules.T("未知基地 "+string(b), "unknown base "+string(b))
}

// Enrolment says that an incubatee is enrolled at a base.
type Enrolment struct {
	Subject string `json:"subject" validate:"required,max=200"`
	Base    Base   `json:"base" validate:"required,enum"`
}

// CheckNetwork checks a registry of enrolments against INC-NET-01: each
// incubatee belongs to exactly one base. The report's basis is the
// machine's programme and date; the rule reads no parameter, so the basis
// lists none (and nothing unverified).
//
// Decision: an incubatee enrolled at two different bases is a policy breach
// in well-formed data (it happens when a district and a street both count
// the same organization), so it is a Violation finding naming the bases;
// the same enrolment written twice (same subject, same base) is malformed
// input, an InputError. A record of this package belongs to one base by
// construction (Record.Base, set on admission).
func (m *Machine) CheckNetwork(enrolments []Enrolment) (hubrules.Report, error) {
	var p hubrules.Problems
	for i, e := range enrolments {
		path := hubrules.Index("enrolments", i)
		if e.Subject == "" {
			p.Add(path+".subject", "required", "", hubrules.T("缺少孵化对象", "subject is missing"))
		}
		if !e.Base.Valid() {
			p.Add(path+".base", "enum", string(e.Base), hubrules.UnknownCode("base", string(e.Base), e.Base))
		}
		for j := 0; j < i; j++ {
			if enrolments[j] == e {
				p.Add(path, "duplicate", e.Subject, hubrules.T("同一登记重复出现", "the same enrolment appears twice"))
				break
			}
		}
	}
	if err := p.Err(); err != nil {
		return hubrules.Report{}, err
	}
	r := hubrules.Report{Basis: m.basis.Only(), Checks: []hubrules.Check{}, Findings: []hubrules.Finding{}}
	for i, e := range enrolments {
		first := true
		for j := 0; j < i; j++ {
			if enrolments[j].Subject == e.Subject {
				first = false
				break
			}
		}
		if !first {
			continue
		}
		var facts []hubrules.Fact
		for _, o := range enrolments[i:] {
			if o.Subject == e.Subject {
				facts = append(facts, hubrules.Fact{Name: "base", Value: string(o.Base)})
			}
		}
		if len(facts) == 1 {
			r.Checks = append(r.Checks, hubrules.Check{Rule: RuleNetwork, Subject: e.Subject, Outcome: hubrules.Pass})
			continue
		}
		r.Checks = append(r.Checks, hubrules.Check{Rule: RuleNetwork, Subject: e.Subject, Outcome: hubrules.Fail})
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleNetwork, Severity: hubrules.Violation, Subject: e.Subject,
			Message: hubrules.T("孵化对象同时属于多个基地，应只属于一个", "the incubatee is enrolled at more than one base; it must belong to exactly one"),
			Facts:   facts})
	}
	return r, nil
}

// Codes lists the bases (hubrules.Coded).
func (Base) Codes() []hubrules.Code { return hubrules.CodesOf(DistrictBase, SocialBase, PracticePark) }
