package incubation

import (
	"strconv"

	"github.com/hubrules/hubrules"
)

// Static criterion messages: what each criterion requires.
var (
	msgServes       = hubrules.T("申请组织应服务社区", "the applicant must serve the community")
	msgLeader       = hubrules.T("申请组织应有明确的负责人", "the applicant must have a named leader")
	msgCensus       = hubrules.T("应完成入驻排摸（负责人政治面貌、党员数量）", "the move-in census (leader's political status, party members) must be done")
	msgEntryMode    = hubrules.T("入驻方式应为组织入驻或项目化入驻", "the entry mode must be organization or project")
	msgEntryDefault = hubrules.T("未给出入驻方式：按组织本身入驻（默认）", "no entry mode given: the organization itself moves in (the default)")
	msgBase         = hubrules.T("孵化对象应属于且只属于一个基地（区级基地、社会基地或公益实践园）", "the incubatee must belong to exactly one base (district base, social base or practice park)")
	msgExtensions   = hubrules.T("孵化期至多延期规定次数", "the term may be extended at most the allowed number of times")
	msgRegistered   = hubrules.T("应已登记或备案", "the organization must be registered or filed")
	msgBoard        = hubrules.T("独立运作：应有自己的理事会（管理层）", "independent operation: it must have its own board")
	msgAccounts     = hubrules.T("独立运作：应有独立账户（财务）", "independent operation: it must have its own accounts")
	msgPremises     = hubrules.T("独立运作：应有自有场地或场地协议", "independent operation: it must have its own premises or an agreement")
	msgParty        = hubrules.T("双孵：党组织形式应达到正式党员数所要求的形式", "double incubation: the party form must be at least the one its formal members require")
	msgProjects     = hubrules.T("完成项目数应达到要求", "the projects delivered must reach the threshold")
	msgAssessment   = hubrules.T("最近一次年度测评得分应达到要求", "the latest annual assessment must reach the threshold")
	msgSatisfied    = hubrules.T("居民（服务对象）满意度应达到要求", "resident satisfaction must reach the threshold")
	msgGovProject   = hubrules.T("参与治理应承接治理项目（政府购买服务或认领社区清单项目）", "governing needs a governance project (government-purchased service or a project claimed from the lists)")
)

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func fact(name, value string) []hubrules.Fact { return []hubrules.Fact{{Name: name, Value: value}} }

// admitCriteria are INC-ADMIT-01's criteria and, where the programme's
// network.base_required is true (jingan) or not in force, INC-NET-01's
// base. Elsewhere INC-NET-01 does not apply and is not listed: an
// applicant meeting INC-ADMIT-01 is admitted without a base.
func (m *Machine) admitCriteria(f *Facts) []Criterion {
	mode := entryMode(f)
	modeCrit := Criterion{Rule: RuleAdmit, Code: "entry_mode", Met: mode.Valid(), Message: msgEntryMode, Facts: fact("entry_mode", string(mode))}
	if f.EntryMode == "" {
		// No entry mode given: the organization itself moves in, and the
		// decision says so.
		modeCrit.Message = msgEntryDefault
		modeCrit.Facts = append(modeCrit.Facts, hubrules.Fact{Name: "entry_mode_given", Value: "false"})
	}
	crit := []Criterion{
		{Rule: RuleAdmit, Code: "serves_community", Met: f.ServesCommunity, Message: msgServes, Facts: fact("serves_community", boolStr(f.ServesCommunity))},
		{Rule: RuleAdmit, Code: "leader", Met: f.Leader != "", Message: msgLeader, Facts: fact("leader_named", boolText(f.Leader != ""))},
		{Rule: RuleAdmit, Code: "census_done", Met: f.CensusDone, Message: msgCensus, Facts: fact("census_done", boolStr(f.CensusDone))},
		modeCrit,
	}
	if m.params.BaseRequired || m.basis.HasMissing(ParamBaseRequired) {
		// A base_required not in force is never read as false: the
		// criterion stays, and inForce makes it unmet with that reason.
		crit = append(crit, Criterion{Rule: RuleNetwork, Code: "base", Met: f.Base.Valid(), Message: msgBase,
			Facts: []hubrules.Fact{{Name: "base", Value: string(f.Base)}, {Name: "base_required", Value: boolStr(m.params.BaseRequired)}}, Param: ParamBaseRequired, Threshold: "true"})
	}
	return crit
}

// entryMode is the entry mode of an admission: the one given, or the
// organization itself (组织入驻, jingan's main mode) when none is.
func entryMode(f *Facts) EntryMode {
	if f.EntryMode == "" {
		return AsOrganization
	}
	return f.EntryMode
}

func (m *Machine) extendCriteria(r *Record) []Criterion {
	return []Criterion{
		{Rule: RulePeriod, Code: "extensions", Met: r.Extensions < m.params.ExtensionMax, Message: msgExtensions,
			Facts: fact("extensions_used", strconv.Itoa(r.Extensions)), Param: ParamExtensionMax, Threshold: m.thrExtensions},
	}
}

func (m *Machine) graduateCriteria(f *Facts) []Criterion {
	formal, delivered := *f.FormalMembers, *f.ProjectsDelivered // required by Fire for Graduate
	req := hubrules.RequiredPartyForm(formal, m.params.BranchMinFormalMembers)
	form := f.PartyForm
	if form == "" {
		form = hubrules.NoPartyForm
	}
	// one backing array for every criterion's facts
	fx := [...]hubrules.Fact{
		{Name: "registration", Value: string(f.Registration)},
		{Name: "own_board", Value: boolStr(f.OwnBoard)},
		{Name: "own_accounts", Value: boolStr(f.OwnAccounts)},
		{Name: "own_premises", Value: boolStr(f.OwnPremises)}, {Name: "premises_agreement", Value: boolStr(f.PremisesAgreement)},
		{Name: "party_form", Value: string(form)}, {Name: "formal_members", Value: strconv.Itoa(formal)}, {Name: "required_form", Value: string(req)},
		{Name: "projects_delivered", Value: strconv.Itoa(delivered)},
		{Name: "assessment_score", Value: scoreStr(f.AssessmentScore)},
		{Name: "satisfaction_percent", Value: scoreStr(f.SatisfactionPercent)},
	}
	facts := fx[:]
	return []Criterion{
		{Rule: RuleGraduate, Code: "registered", Met: f.Registration == Registered || f.Registration == Filed, Message: msgRegistered, Facts: facts[0:1:1]},
		{Rule: RuleGraduate, Code: "own_board", Met: f.OwnBoard, Message: msgBoard, Facts: facts[1:2:2]},
		{Rule: RuleGraduate, Code: "own_accounts", Met: f.OwnAccounts, Message: msgAccounts, Facts: facts[2:3:3]},
		{Rule: RuleGraduate, Code: "premises", Met: f.OwnPremises || f.PremisesAgreement, Message: msgPremises, Facts: facts[3:5:5]},
		{Rule: RuleGraduate, Code: "party_coverage", Met: form.Meets(req), Message: msgParty, Facts: facts[5:8:8],
			Param: ParamBranchMin, Threshold: m.thrBranchMin},
		{Rule: RuleGraduate, Code: "projects_delivered", Met: delivered >= m.params.MinProjects, Message: msgProjects, Facts: facts[8:9:9],
			Param: ParamMinProjects, Threshold: m.thrProjects},
		{Rule: RuleGraduate, Code: "assessment_score", Met: f.AssessmentScore != nil && *f.AssessmentScore >= m.minAssessment, Message: msgAssessment,
			Facts: facts[9:10:10], Param: ParamMinAssessment, Threshold: m.thrAssessment},
		{Rule: RuleGraduate, Code: "satisfaction_percent", Met: f.SatisfactionPercent != nil && *f.SatisfactionPercent >= m.minSatisfaction, Message: msgSatisfied,
			Facts: facts[10:11:11], Param: ParamMinSatisfaction, Threshold: m.thrSatisfaction},
	}
}

func scoreStr(v *hubrules.Points) string {
	if v == nil {
		return ""
	}
	return v.String()
}

func (m *Machine) engageCriteria(f *Facts) []Criterion {
	return []Criterion{
		{Rule: RuleGovern, Code: "governance_project", Met: f.GovernanceProject == PurchasedService || f.GovernanceProject == ClaimedProject,
			Message: msgGovProject, Facts: fact("governance_project", string(f.GovernanceProject))},
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
