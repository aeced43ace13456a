package hub

import "github.com/hubrules/hubrules"

// Category is a member organization's service category (wuliqiao's four,
// plus kaixuan's governance type). Its JSON form is the snake_case code; an
// empty category is allowed and counted as uncategorized.
type Category string

// The service categories.
const (
	// LifeServices is 生活服务类.
	LifeServices Category = "life_services"
	// Charity is 公益慈善类.
	Charity Category = "charity"
	// Mediation is 社区专业调处类 (community professional mediation).
	Mediation Category = "mediation"
	// CultureSports is 文体活动类.
	CultureSports Category = "culture_sports"
	// Governance is 治理类 (kaixuan).
	Governance Category = "governance"
	// Uncategorized is the empty code.
	Uncategorized Category = ""
)

// Categories lists the categories in report order (uncategorized last).
func Categories() []Category {
	return []Category{LifeServices, Charity, Mediation, CultureSports, Governance, Uncategorized}
}

func (c Category) index() int {
	switch c {
	case LifeServices:
		return 0
	case Charity:
		return 1
	case Mediation:
		return 2
	case CultureSports:
		return 3
	case Governance:
		return 4
	case Uncategorized:
		return 5
	}
	return -1
}

// Valid reports whether c is a known category (not the empty code).
func (c Category) Valid() bool { return c != Uncategorized && c.index() >= 0 }

// Name returns the category in Chinese and English.
func (c Category) Name() hubrules.Text {
	switch c {
	case LifeServices:
		return hubrules.T("生活服务类", "life services")
	case Charity:
		return hubrules.T("公益慈善类", "charity")
	case Mediation:
		return hubrules.T("社区专业调处类", "community mediation")
	case CultureSports:
		return hubrules.T("文体活动类", "culture and sports")
	case Governance:
		return hubrules.T("治理类", "governance")
	case Uncategorized:
		return hubrules.T("未分类", "uncategorized")
	}
	return hubrules.T("未知类别 "+string(c), "unknown category "+string(c))
}

// BodyKind is the kind of a party body in a hub's structure.
type BodyKind string

// The body kinds.
const (
	// Committee is 基层党委 (basic-level committee).
	Committee BodyKind = "committee"
	// GeneralBranch is 党总支.
	GeneralBranch BodyKind = "general_branch"
	// Branch is 党支部 (an organization's own branch).
	Branch BodyKind = "branch"
	// JointBranchBody is 联合党支部, a branch for several small organizations.
	JointBranchBody BodyKind = "joint_branch"
	// ActivityBranchBody is 活动型（功能型）党支部.
	ActivityBranchBody BodyKind = "activity_branch"
)

// Valid reports whether k is a known body kind.
func (k BodyKind) Valid() bool {
	switch k {
	case Committee, GeneralBranch, Branch, JointBranchBody, ActivityBranchBody:
		return true
	}
	return false
}

// IsBranch reports whether k is one of the branch kinds.
func (k BodyKind) IsBranch() bool {
	return k == Branch || k == JointBranchBody || k == ActivityBranchBody
}

// Name returns the kind in Chinese and English.
func (k BodyKind) Name() hubrules.Text {
	switch k {
	case Committee:
		return hubrules.T("基层党委", "basic-level committee")
	case GeneralBranch:
		return hubrules.T("党总支", "general branch")
	case Branch:
		return hubrules.T("党支部", "branch")
	case JointBranchBody:
		return hubrules.T("联合党支部", "joint branch")
	case ActivityBranchBody:
		return hubrules.T("活动型党支部", "activity branch")
	}
	return hubrules.T("未知组织类型 "+string(k), "unknown body kind "+string(k))
}

// Task is a piece of party work that might be assigned to the hub (HUB-ADMIN-01).
type Task string

// The tasks. The first five are the administrative work lujiazui keeps with
// the street's party-building service centre; the rest may be outsourced to
// the hub (党务外包).
const (
	TransferMembership Task = "transfer_membership" // 转接组织关系
	CollectDues        Task = "collect_dues"        // 收缴党费
	StatisticalReturns Task = "statistical_returns" // 报表统计
	RemoteEducation    Task = "remote_education"    // 党员远程教育
	NetworkMaintenance Task = "network_maintenance" // 党建网络维护
	OrganizeActivities Task = "organize_activities" // 组织党建活动
	PartyProjects      Task = "party_projects"      // 党建项目
	Training           Task = "training"            // 党员教育培训（面授）
	Census             Task = "census"              // 党员情况排摸
	Publicity          Task = "publicity"           // 党建宣传
)

// Valid reports whether t is a known task code.
func (t Task) Valid() bool {
	switch t {
	case TransferMembership, CollectDues, StatisticalReturns, RemoteEducation, NetworkMaintenance,
		OrganizeActivities, PartyProjects, Training, Census, Publicity:
		return true
	}
	return false
}

// Name returns the task in Chinese and English.
func (t Task) Name() hubrules.Text {
	switch t {
	case TransferMembership:
		return hubrules.T("转接组织关系", "transferring membership relations")
	case CollectDues:
		return hubrules.T("收缴党费", "collecting dues")
	case StatisticalReturns:
		return hubrules.T("报表统计", "statistical returns")
	case RemoteEducation:
		return hubrules.T("党员远程教育", "remote education of members")
	case NetworkMaintenance:
		return hubrules.T("党建网络维护", "party network maintenance")
	case OrganizeActivities:
		return hubrules.T("组织党建活动", "organizing party activities")
	case PartyProjects:
		return hubrules.T("党建项目", "party-building projects")
	case Training:
		return hubrules.T("党员教育培训", "member training")
	case Census:
		return hubrules.T("党员情况排摸", "party census")
	case Publicity:
		return hubrules.T("党建宣传", "party-building publicity")
	}
	return hubrules.T("未知任务 "+string(t), "unknown task "+string(t))
}

// Function is one of the hub functions of HUB-FUNC-01.
type Function string

// The five hub functions (lujiazui).
const (
	Incubation      Function = "incubation"       // 培育孵化
	LiaisonService  Function = "liaison_service"  // 联系服务
	ResourceSupport Function = "resource_support" // 资源支撑
	Voice           Function = "voice"            // 沟通表达
	TalentGathering Function = "talent_gathering" // 人才聚集
)

// Valid reports whether f is a known function code.
func (f Function) Valid() bool {
	switch f {
	case Incubation, LiaisonService, ResourceSupport, Voice, TalentGathering:
		return true
	}
	return false
}

// Name returns the function in Chinese and English.
func (f Function) Name() hubrules.Text {
	switch f {
	case Incubation:
		return hubrules.T("培育孵化", "incubation")
	case LiaisonService:
		return hubrules.T("联系服务", "liaison service")
	case ResourceSupport:
		return hubrules.T("资源支撑", "resource support")
	case Voice:
		return hubrules.T("沟通表达", "voice")
	case TalentGathering:
		return hubrules.T("人才聚集", "talent gathering")
	}
	return hubrules.T("未知功能 "+string(f), "unknown function "+string(f))
}

// CommunityBody is one of xiyuan's four community bodies ("两委两站").
type CommunityBody string

// The four bodies.
const (
	PartyCommittee     CommunityBody = "party_committee"     // 社区党委
	ResidentsCommittee CommunityBody = "residents_committee" // 社居委
	WorkStation        CommunityBody = "work_station"        // 社区工作站
	SocialWorkStation  CommunityBody = "social_work_station" // 社区社会工作服务站
)

// CommunityBodies lists the four bodies.
func CommunityBodies() []CommunityBody {
	return []CommunityBody{PartyCommittee, ResidentsCommittee, WorkStation, SocialWorkStation}
}

// Valid reports whether b is one of the four bodies.
func (b CommunityBody) Valid() bool {
	switch b {
	case PartyCommittee, ResidentsCommittee, WorkStation, SocialWorkStation:
		return true
	}
	return false
}

// Name returns the body in Chinese and English.
func (b CommunityBody) Name() hubrules.Text {
	switch b {
	case PartyCommittee:
		return hubrules.T("社区党委", "community party committee")
	case ResidentsCommittee:
		return hubrules.T("社居委", "residents' committee")
	case WorkStation:
		return hubrules.T("社区工作站", "community work station")
	case SocialWorkStation:
		return hubrules.T("社区社会工作服务站", "social-work service station")
	}
	return hubrules.T("未知社区组织 "+string(b), "unknown community body "+string(b))
}

// Codes lists the service categories (hubrules.Coded).
func (Category) Codes() []hubrules.Code {
	return hubrules.CodesOf(LifeServices, Charity, Mediation, CultureSports, Governance)
}

// Codes lists the kinds of party body (hubrules.Coded).
func (BodyKind) Codes() []hubrules.Code {
	return hubrules.CodesOf(Committee, GeneralBranch, Branch, JointBranchBody, ActivityBranchBody)
}

// Codes lists the party-building tasks (hubrules.Coded).
func (Task) Codes() []hubrules.Code {
	return hubrules.CodesOf(TransferMembership, CollectDues, StatisticalReturns, RemoteEducation, NetworkMaintenance,
		OrganizeActivities, PartyProjects, Training, Census, Publicity)
}

// Codes lists the hub functions (hubrules.Coded).
func (Function) Codes() []hubrules.Code {
	return hubrules.CodesOf(Incubation, LiaisonService, ResourceSupport, Voice, TalentGathering)
}

// Codes lists the community bodies (hubrules.Coded).
func (CommunityBody) Codes() []hubrules.Code { return hubrules.CodesOf(CommunityBodies()...) }
