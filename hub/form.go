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
	BranchCommittee bool `json:"branch_committee"`
	CommitteeMin    int  `json:"committee_min,omitempty"`
	CommitteeMax    int  `json:"committee_max,omitempty"`
	CommitteeCap    int  `json:"committee_cap,omitempty"`
}

// Form applies HUB-FORM-01 and HUB-FORM-02 to a count of formal party
// members. A negative count is an *InputError. It does not allocate.
func (c *Checker) Form(formalMembers int) (FormDecision, error) {
	if formalMembers < 0 {
		return FormDecision{}, negativeError("formal_members", formalMembers)
	}
	return c.form(formalMembers), nil
}

// requiredForm is HUB-FORM-01 alone, for the coverage loop.
func (c *Checker) requiredForm(n int) hubrules.PartyForm {
	return hubrules.RequiredPartyForm(n, c.p.OwnBranchMinFormal)
}

func (c *Checker) form(n int) FormDecision {
	d := FormDecision{FormalMembers: n, Required: c.requiredForm(n)}
	if d.Required == hubrules.JointBranch {
		d.AlsoAccepted = hubrules.ActivityBranch
	}
	if n >= c.p.OwnBranchMinFormal {
		switch {
		case n >= c.p.CommitteeMinMembers:
			d.Body = Committee
		case n >= c.p.GeneralBranchMinMembers:
			d.Body = GeneralBranch
		default:
			d.Body = Branch
		}
	}
	if n >= c.p.CommitteeMinFormal {
		d.BranchCommittee = true
		d.CommitteeMin, d.CommitteeMax, d.CommitteeCap = c.p.BranchCommitteeMin, c.p.BranchCommitteeMax, c.p.BranchCommitteeCap
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
		if d.BranchCommittee {
			s += "; committee of " + strconv.Itoa(d.CommitteeMin) + "–" + strconv.Itoa(d.CommitteeMax) + " (at most " + strconv.Itoa(d.CommitteeCap) + ")"
		} else if d.Body != "" {
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
	if d.BranchCommittee {
		s += "；设委员会 " + strconv.Itoa(d.CommitteeMin) + "—" + strconv.Itoa(d.CommitteeMax) + " 人（不超过 " + strconv.Itoa(d.CommitteeCap) + " 人）"
	} else if d.Body != "" {
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
