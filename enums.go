package hubrules

// LegalForm is the legal form of a social organization (社会组织). Its JSON
// form is the snake_case code.
type LegalForm string

// The legal forms.
const (
	// SocialGroup is 社会团体, a membership association.
	SocialGroup LegalForm = "social_group"
	// SocialServiceInstitution is 社会服务机构 (formerly 民办非企业单位).
	SocialServiceInstitution LegalForm = "social_service_institution"
	// Foundation is 基金会.
	Foundation LegalForm = "foundation"
	// CommunityOrg is 社区社会组织, which may be only filed (备案) with the
	// street instead of registered (登记).
	CommunityOrg LegalForm = "community_org"
)

// Valid reports whether f is a known legal form.
func (f LegalForm) Valid() bool {
	switch f {
	case SocialGroup, SocialServiceInstitution, Foundation, CommunityOrg:
		return true
	}
	return false
}

// Name returns the legal form in Chinese and English.
func (f LegalForm) Name() Text {
	switch f {
	case SocialGroup:
		return T("社会团体", "social group")
	case SocialServiceInstitution:
		return T("社会服务机构", "social service institution")
	case Foundation:
		return T("基金会", "foundation")
	case CommunityOrg:
		return T("社区社会组织", "community social organization")
	}
	return T("未知法律形式 "+string(f), "unknown legal form "+string(f))
}

// PartyForm is how a social organization's party work is organized: its own
// branch, a joint branch, an activity branch, a liaison or instructor sent
// in, or nothing. Its JSON form is the snake_case code.
type PartyForm string

// The party-organization forms, strongest first.
const (
	// OwnBranch is 单独组建: the organization's own branch (≥3 formal members).
	OwnBranch PartyForm = "own_branch"
	// JointBranch is 联合组建: one branch for several small organizations.
	JointBranch PartyForm = "joint_branch"
	// ActivityBranch is 活动型（功能型）党支部: members take part there while
	// their membership is kept elsewhere ("一方隶属、双向管理、双边活动").
	ActivityBranch PartyForm = "activity_branch"
	// Liaison is 派驻党建联络员/指导员: a liaison or instructor sent in where no
	// branch can be formed.
	Liaison PartyForm = "liaison"
	// NoPartyForm is no party organization and no liaison.
	NoPartyForm PartyForm = "none"
)

// Valid reports whether f is a known party-organization form.
func (f PartyForm) Valid() bool {
	switch f {
	case OwnBranch, JointBranch, ActivityBranch, Liaison, NoPartyForm:
		return true
	}
	return false
}

// Strength orders the forms: 3 for an own branch, 2 for a joint or activity
// branch, 1 for a liaison or instructor, 0 for none (or an unknown code).
// A form meets a requirement when its strength is at least the required
// form's strength (HUB-COV-02).
func (f PartyForm) Strength() int {
	switch f {
	case OwnBranch:
		return 3
	case JointBranch, ActivityBranch:
		return 2
	case Liaison:
		return 1
	}
	return 0
}

// Meets reports whether f is at least as strong as required.
func (f PartyForm) Meets(required PartyForm) bool { return f.Strength() >= required.Strength() }

// OrganizationalCoverage reports whether f gives 组织覆盖: the organization
// is in a party organization (own, joint or activity branch).
func (f PartyForm) OrganizationalCoverage() bool { return f.Strength() >= 2 }

// WorkCoverage reports whether f gives 工作覆盖: organizational coverage or a
// liaison/instructor.
func (f PartyForm) WorkCoverage() bool { return f.Strength() >= 1 }

// Name returns the form in Chinese and English.
func (f PartyForm) Name() Text {
	switch f {
	case OwnBranch:
		return T("单独组建党支部", "own party branch")
	case JointBranch:
		return T("联合党支部", "joint party branch")
	case ActivityBranch:
		return T("活动型（功能型）党支部", "activity (functional) branch")
	case Liaison:
		return T("党建联络员/指导员", "party-building liaison or instructor")
	case NoPartyForm:
		return T("无党组织", "no party organization")
	}
	return T("未知党组织形式 "+string(f), "unknown party form "+string(f))
}

// Grade is an evaluation grade (评估等级) from 1A (A) to 5A (AAAAA), or
// NoGrade. Its JSON form is "1A" … "5A", or "" for no grade.
type Grade string

// The grades.
const (
	NoGrade Grade = ""
	Grade1A Grade = "1A"
	Grade2A Grade = "2A"
	Grade3A Grade = "3A"
	Grade4A Grade = "4A"
	Grade5A Grade = "5A"
)

// GradeOfRank returns the grade of rank 1…5, or NoGrade for any other rank.
func GradeOfRank(rank int) Grade {
	switch rank {
	case 1:
		return Grade1A
	case 2:
		return Grade2A
	case 3:
		return Grade3A
	case 4:
		return Grade4A
	case 5:
		return Grade5A
	}
	return NoGrade
}

// Valid reports whether g is NoGrade or one of 1A…5A.
func (g Grade) Valid() bool { return g == NoGrade || g.Rank() > 0 }

// Rank returns 1…5 for 1A…5A and 0 for NoGrade or an unknown code.
func (g Grade) Rank() int {
	switch g {
	case Grade1A:
		return 1
	case Grade2A:
		return 2
	case Grade3A:
		return 3
	case Grade4A:
		return 4
	case Grade5A:
		return 5
	}
	return 0
}

// AtLeast reports whether g is a grade at least as high as min. NoGrade is
// at least only NoGrade.
func (g Grade) AtLeast(min Grade) bool { return g.Rank() >= min.Rank() }

// Down returns the grade n steps lower; below 1A it is NoGrade.
func (g Grade) Down(n int) Grade {
	r := g.Rank() - n
	if r < 1 {
		return NoGrade
	}
	return GradeOfRank(r)
}

// Name returns the grade in Chinese and English.
func (g Grade) Name() Text {
	if g == NoGrade {
		return T("无等级", "no grade")
	}
	if g.Rank() == 0 {
		return T("未知等级 "+string(g), "unknown grade "+string(g))
	}
	return T(string(g)+"级", "grade "+string(g))
}

// RequiredPartyForm is HUB-FORM-01 (党章第三十条, 支部工作条例第四条): the
// weakest party-organization form that meets an organization with
// formalMembers formal (正式) party members, given the count ownBranchMin
// (3 by the party constitution) from which it must form its own branch: an
// own branch from ownBranchMin; a joint branch (or, of equal strength, an
// activity branch) from 1; a liaison or instructor with none. Compare a form
// with it by PartyForm.Meets. The rule packages read ownBranchMin from their
// parameters; this is the one place the rule itself is written.
func RequiredPartyForm(formalMembers, ownBranchMin int) PartyForm {
	switch {
	case formalMembers >= ownBranchMin:
		return OwnBranch
	case formalMembers >= 1:
		return JointBranch
	}
	return Liaison
}

// PartyForms lists the party-organization forms in their Index order:
// own branch, joint branch, activity branch, liaison, none.
func PartyForms() []PartyForm {
	return []PartyForm{OwnBranch, JointBranch, ActivityBranch, Liaison, NoPartyForm}
}

// Index numbers the forms 0…4 in the order of PartyForms, for tables
// indexed by form; it is -1 for an unknown code.
func (f PartyForm) Index() int {
	switch f {
	case OwnBranch:
		return 0
	case JointBranch:
		return 1
	case ActivityBranch:
		return 2
	case Liaison:
		return 3
	case NoPartyForm:
		return 4
	}
	return -1
}
