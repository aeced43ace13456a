package hub

import (
	"strconv"

	"github.com/hubrules/hubrules"
)

// FormDecision is what HUB-FORM-01 and HUB-FORM-02 require of an
// organization with a given number of formal (正式) party members.
type FormDecision struct {
	FormalMembers int `json:"formal_members"`
	// Required is the weakest party form that meets the rule: own branch
	// (≥3, 单独组建), joint branch (1–2, 联合组建 — an activity branch is
	// accepted too, see AlsoAccepted), or a liaison/instructor (0).
	Required hubrules.PartyForm `json:"required"`
	// AlsoAccepted is a second form of equal strength ("activity_branch"
	// for 1–2 members), or "".
	AlsoAccepted hubrules.PartyForm `json:"also_accepted,omitempty"`
	// Body is the party body the membership calls for when it forms its own:
	// branch (<50), general branch (50–99) or committee (≥100); "" with
	// fewer members than an own branch needs.
	Body BodyKind `json:"body,omitempty"`
	// BranchCommittee is true from 7 formal members: a branch committee of
	// CommitteeMin–CommitteeMax members (at most CommitteeCap); below it a
	// secretary only (书记).
	// The sizes are the branch committee's (支部委员会) and are given only
	// when Body is a branch: for a general branch or a basic-level
	// committee no party regulation sets the number of committee members
	// (practice figures disagree: handbooks 5–7 at most 9 and 5–9, Bazhong
	// 3–5 and 5–7), and NoSizeRule says that no size rule applies.
	BranchCommittee bool `json:"branch_committee"`
	CommitteeMin    int  `json:"committee_min,omitempty"`
	CommitteeMax    int  `json:"committee_max,omitempty"`
	CommitteeCap    int  `json:"committee_cap,omitempty"`
	NoSizeRule      bool `json:"no_size_rule,omitempty"`
	// NotInForce lists the HUB-FORM-02 parameters this decision needed
	// that are not in force on the checker's date: Body (from the
	// general-branch and committee thresholds) or the committee (from
	// form.committee_min_formal and the committee sizes) is then left
	// undecided, and HUB-FORM-02 answers not_in_force.
	NotInForce []hubrules.Unset `json:"not_in_force,omitempty"`
}

// Form applies HUB-FORM-01 and HUB-FORM-02 to a count of formal party
// members on the checker's date. A negative count is an *InputError; when
// form.own_branch_min_formal (HUB-FORM-01) is not in force the answer is a
// *hubrules.NotInForceError, and the parts of HUB-FORM-02 whose
// parameters are not in force are left undecided (NotInForce). It does
// not allocate when every parameter is in force.
func (c *Checker) Form(formalMembers int) (FormDecision, error) {
	if formalMembers < 0 {
		return FormDecision{}, negativeError("formal_members", formalMembers)
	}
	if err := hubrules.RequireInForce(c.basis, RuleForm01, "form.own_branch_min_formal"); err != nil {
		return FormDecision{}, err
	}
	return c.form(formalMembers), nil
}

// requiredForm is HUB-FORM-01 alone, for the coverage loop.
func (c *Checker) requiredForm(n int) hubrules.PartyForm {
	return hubrules.RequiredPartyForm(n, c.p.OwnBranchMinFormal)
}

// form is Form without the checks; with form.own_branch_min_formal not in
// force it decides nothing but lists that parameter in NotInForce.
func (c *Checker) form(n int) FormDecision {
	d := FormDecision{FormalMembers: n}
	if len(c.basis.Missing) > 0 {
		if u := c.unset("form.own_branch_min_formal"); len(u) > 0 {
			d.NotInForce = u
			return d
		}
	}
	d.Required = c.requiredForm(n)
	if d.Required == hubrules.JointBranch {
		d.AlsoAccepted = hubrules.ActivityBranch
	}
	if n >= c.p.OwnBranchMinFormal {
		// The body the membership calls for (HUB-FORM-02).
		if u := c.unset("form.general_branch_min_members", "form.committee_min_members"); len(u) > 0 {
			d.NotInForce = append(d.NotInForce, u...)
		} else {
			switch {
			case n >= c.p.CommitteeMinMembers:
				d.Body = Committee
			case n >= c.p.GeneralBranchMinMembers:
				d.Body = GeneralBranch
			default:
				d.Body = Branch
			}
		}
	}
	// The committee: its threshold always, its sizes only from it.
	if u := c.unset("form.committee_min_formal"); len(u) > 0 {
		d.NotInForce = append(d.NotInForce, u...)
	} else if n >= c.p.CommitteeMinFormal {
		switch {
		case d.Body == GeneralBranch || d.Body == Committee:
			// No size rule for these bodies' committees.
			d.BranchCommittee, d.NoSizeRule = true, true
		case d.Body == "" && len(d.NotInForce) > 0:
			// The body is undecided: so is the size rule that applies.
		default:
			if u := c.unset("form.branch_committee_min", "form.branch_committee_max", "form.branch_committee_cap"); len(u) > 0 {
				d.NotInForce = append(d.NotInForce, u...)
			} else {
				d.BranchCommittee = true
				d.CommitteeMin, d.CommitteeMax, d.CommitteeCap = c.p.BranchCommitteeMin, c.p.BranchCommitteeMax, c.p.BranchCommitteeCap
			}
		}
	}
	return d
}

// Accepts reports whether form meets the decision (HUB-COV-02).
func (d FormDecision) Accepts(form hubrules.PartyForm) bool { return form.Meets(d.Required) }

// Describe says the decision in lang.
func (d FormDecision) Describe(lang hubrules.Lang) string {
	n := strconv.Itoa(d.FormalMembers)
	var s string
	if lang == hubrules.EN {
		s = n + " formal members → " + d.Required.Name().EN
		if d.AlsoAccepted != "" {
			s += " or " + d.AlsoAccepted.Name().EN
		}
		if d.Body != "" {
			s += "; body: " + d.Body.Name().EN
		}
		switch {
		case d.NoSizeRule:
			s += "; elects a committee: no size rule applies to a " + d.Body.Name().EN
		case d.BranchCommittee:
			s += "; committee of " + strconv.Itoa(d.CommitteeMin) + "–" + strconv.Itoa(d.CommitteeMax) + " (at most " + strconv.Itoa(d.CommitteeCap) + ")"
		case len(d.NotInForce) > 0:
			s += "; " + d.NotInForce[0].Describe(lang)
		case d.Body != "":
			s += "; secretary only"
		}
		return s
	}
	s = n + " 名正式党员 → " + d.Required.Name().ZH
	if d.AlsoAccepted != "" {
		s += "或" + d.AlsoAccepted.Name().ZH
	}
	if d.Body != "" {
		s += "；组织形式：" + d.Body.Name().ZH
	}
	switch {
	case d.NoSizeRule:
		s += "；设委员会，" + d.Body.Name().ZH + "委员会的人数没有统一规定"
	case d.BranchCommittee:
		s += "；设委员会 " + strconv.Itoa(d.CommitteeMin) + "—" + strconv.Itoa(d.CommitteeMax) + " 人（不超过 " + strconv.Itoa(d.CommitteeCap) + " 人）"
	case len(d.NotInForce) > 0:
		s += "；" + d.NotInForce[0].Describe(lang)
	case d.Body != "":
		s += "；只设书记"
	}
	return s
}

func negativeError(path string, v int) error {
	return hubrules.NewInputError(negativeField(path, v))
}

func negativeField(path string, v int) hubrules.FieldError {
	return hubrules.FieldError{Path: path, Code: "gte", Param: "0", Value: strconv.Itoa(v),
		Message: hubrules.T(path+" 不能为负数", path+" must not be negative")}
}

func formatInt(n int) string { return strconv.Itoa(n) }
