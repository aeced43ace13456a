package hub

import (
	"encoding/json"
	"strconv"

	"github.com/hubrules/hubrules"
)

// SyncReason is why a link passed, failed or did not apply. Each reason has
// a stable code and a static bilingual message.
type SyncReason uint8

// The reasons.
const (
	SyncReasonNone SyncReason = iota
	// SyncReasonSynchronized: the party-building step accompanied the business step.
	SyncReasonSynchronized
	// Not applicable: the business event has not happened (yet).
	SyncReasonNoRegistration
	SyncReasonNoMoveIn
	SyncReasonNoAnnualReport
	SyncReasonNoReelection
	SyncReasonNoEvaluation
	// SyncReasonBelowApprovalMembers: SYNC-1 requires only the set-up approval
	// and the organization has fewer formal members than it needs.
	SyncReasonBelowApprovalMembers
	// Unmet criteria (the link fails).
	SyncReasonPlanMissing
	SyncReasonPlanLate
	SyncReasonInterviewMissing
	SyncReasonInterviewLate
	SyncReasonApprovalMissing
	SyncReasonApprovalNotTogether
	SyncReasonCensusMissing
	SyncReasonCensusLate
	SyncReasonCoverageShort
	SyncReasonActivitiesShort
	// SyncReasonReportMissing: a report year's deadline passed with no
	// annual report for it (SYNC-4).
	SyncReasonReportMissing
	// SyncReasonReportLate: a report year's annual report was filed after
	// its deadline (SYNC-4).
	SyncReasonReportLate
	SyncReasonReportNoPartySection
	SyncReasonReviewMissing
	SyncReasonReviewAfterElection
	SyncReasonNotAssessed
	// SyncReasonNotInForce: a parameter the link reads is not in force on
	// the date (the link answers not_in_force).
	SyncReasonNotInForce
	// SyncReasonNoReportDue: SYNC-4 has no report year whose deadline has
	// passed (registered or in the hub too recently, or the first
	// deadline still ahead); SyncReasonNoAnnualReport is no longer given
	// by SYNC-4 and is kept for results written before.
	SyncReasonNoReportDue
	syncReasonCount
)

var syncReasonCodes = [syncReasonCount]string{
	"", "synchronized",
	"no_registration", "no_move_in", "no_annual_report", "no_reelection", "no_evaluation", "below_approval_members",
	"plan_missing", "plan_late", "interview_missing", "interview_late", "approval_missing", "approval_not_together",
	"census_missing", "census_late", "coverage_short", "activities_short", "report_missing", "report_late", "report_no_party_section",
	"review_missing", "review_after_election", "not_assessed", "not_in_force", "no_report_due",
}

var syncReasonTexts = [syncReasonCount]hubrules.Text{
	{},
	{ZH: "党建步骤与业务环节同步", EN: "the party-building step accompanied the business step"},
	{ZH: "尚未登记或备案，该环节不适用", EN: "not registered or filed yet: the link does not apply"},
	{ZH: "尚未入驻，入驻和管理环节不适用", EN: "not moved in yet: the move-in and management links do not apply"},
	{ZH: "尚未报送年度报告，年检环节不适用", EN: "no annual report filed yet: the annual-report link does not apply"},
	{ZH: "尚未换届，换届环节不适用", EN: "no re-election yet: the re-election link does not apply"},
	{ZH: "尚未参加等级评估或评选，评选环节不适用", EN: "no grading or award evaluation yet: the evaluation link does not apply"},
	{ZH: "正式党员不足同步审批党组织设立所需人数，登记环节不适用", EN: "fewer formal members than the set-up approval needs: the registration link does not apply"},
	{ZH: "登记时未提交党建工作方案", EN: "no party-building work plan was submitted with the registration"},
	{ZH: "党建工作方案晚于登记期限提交", EN: "the party-building work plan came later than the registration window allows"},
	{ZH: "登记时未进行法人约谈", EN: "no interview with the legal representative at registration"},
	{ZH: "法人约谈晚于登记期限", EN: "the legal-representative interview came later than the window allows"},
	{ZH: "正式党员达到人数，但党组织设立未同步审批", EN: "enough formal members, but no approval of the party organization's set-up"},
	{ZH: "党组织设立审批与登记相隔超过期限，未同步审批", EN: "the party organization's set-up was not approved together with the registration (too many days apart)"},
	{ZH: "入驻后未进行党员情况排摸登记", EN: "no party census recorded after the move-in"},
	{ZH: "党员情况排摸登记晚于入驻期限", EN: "the party census was recorded later than the move-in window allows"},
	{ZH: "党组织形式弱于正式党员人数所要求的形式，覆盖不到位", EN: "the party form is weaker than the formal member count requires: coverage not in place"},
	{ZH: "有季度党建与业务同步活动次数不足", EN: "too few joint party and business activities in at least one quarter"},
	{ZH: "报送期限已过，该年度未报送年度报告", EN: "the deadline passed without an annual report for the year"},
	{ZH: "该年度的年度报告晚于报送期限", EN: "the year's annual report was filed after the deadline"},
	{ZH: "年度报告未含党建工作内容", EN: "an annual report was filed without a party-building section"},
	{ZH: "换届前党组织未对人选把关", EN: "the party organization did not review the candidates before the re-election"},
	{ZH: "人选把关晚于换届", EN: "the candidates were reviewed only after the re-election"},
	{ZH: "等级评估或评选未同步考核党建工作", EN: "party building was not assessed in the grading or award evaluation"},
	{ZH: "该环节的参数在评估日未施行，未检查", EN: "a parameter of the link is not in force on the date: not checked"},
	{ZH: "尚无报送期限已过的报告年度（登记或入驻不满一个报告年度，或首个期限未到），年检环节不适用", EN: "no report year's deadline has passed yet (registered or in the hub too recently, or the first deadline ahead): the annual-report link does not apply"},
}

// Code returns the reason's stable code.
func (r SyncReason) Code() string {
	if r >= syncReasonCount {
		return ""
	}
	return syncReasonCodes[r]
}

// Text returns the reason's bilingual message.
func (r SyncReason) Text() hubrules.Text {
	if r >= syncReasonCount {
		return hubrules.Text{}
	}
	return syncReasonTexts[r]
}

// SyncReasons is a set of reasons as a bit mask (bit r is reason r).
type SyncReasons uint32

// Has reports whether r is in the set.
func (s SyncReasons) Has(r SyncReason) bool { return r < syncReasonCount && s&(1<<r) != 0 }

// List returns the reasons in the set, in order.
func (s SyncReasons) List() []SyncReason {
	var out []SyncReason
	for r := SyncReason(1); r < syncReasonCount; r++ {
		if s.Has(r) {
			out = append(out, r)
		}
	}
	return out
}

// SyncEvidence is one party-building step a link looked for.
type SyncEvidence struct {
	// Kind is the event kind that is the evidence (for SYNC-4 and SYNC-6
	// the business event itself, whose flag is the evidence).
	Kind SyncEventKind
	// Applies is false when the step is not required for this
	// organization (set-up approval below the member threshold, activities
	// before a full quarter in the hub).
	Applies bool
	// Seen reports whether the evidence is in the log.
	Seen bool
	// Date is the evidence's date when seen.
	Date hubrules.Date
	// Timed reports whether DaysApart and WindowDays apply (not for SYNC-3's
	// quarterly count).
	Timed bool
	// DaysApart is Date minus the business event's date, in days
	// (negative: before it).
	DaysApart int32
	// WindowDays is the window the days are held against; its meaning is
	// the link's (at most this many days after, or apart).
	WindowDays int32
	// Met reports whether the step satisfied the link.
	Met bool
}

// SyncLinkResult is the outcome of one link for one organization.
type SyncLinkResult struct {
	// Link is the link, 1…6.
	Link SyncLink
	// Checked reports whether the profile checks this link; the other
	// fields are empty when it does not.
	Checked bool
	// Outcome is pass, fail or not_applicable.
	Outcome hubrules.Outcome
	// Reason is the main reason: synchronized, why it does not apply, or
	// the first unmet criterion.
	Reason SyncReason
	// Unmet lists every unmet criterion.
	Unmet SyncReasons
	// BusinessKind is the business event's kind (registered or filed for
	// SYNC-1).
	BusinessKind SyncEventKind
	// BusinessSeen reports whether the business event is in the log.
	BusinessSeen bool
	// BusinessDate is the date of the business event the evidence is
	// measured against: the registration, the first move-in, and for the
	// repeated events of SYNC-4/5/6 the first failing one, else the latest.
	BusinessDate hubrules.Date
	// BusinessCount is the number of business events of the link in the log
	// (annual reports, re-elections, evaluations); BusinessFailing how many
	// of them lack their party-building step.
	BusinessCount   int32
	BusinessFailing int32
	// Evidence are the party-building steps looked for (NEvidence used).
	Evidence  [3]SyncEvidence
	NEvidence uint8
	// FormalMembersAtRegistration is the count SYNC-1's set-up approval
	// was decided by (-1: not given; 0 for the other links).
	FormalMembersAtRegistration int32
	// SYNC-3 coverage: the formal member count and party form given, and
	// the form the count requires.
	FormalMembers int32
	PartyForm     hubrules.PartyForm
	RequiredForm  hubrules.PartyForm
	// SYNC-3 activities: complete quarters reviewed, how many had fewer
	// joint activities than MinPerQuarter, and the first day of the first
	// such quarter.
	QuartersChecked   int32
	QuartersShort     int32
	MinPerQuarter     int32
	FirstShortQuarter hubrules.Date
	// SYNC-4 report years: the years whose deadline has passed, checked
	// from FirstYear to LastYear (0: none; at most MaxReportYears, the
	// latest), the year still open (its deadline not passed, not
	// checked; 0: none), and per checked year (bit i: FirstYear+i) those
	// without a report, with only a late one, and with no report carrying
	// the party-building section. DeadlineMonth/Day is the deadline's day
	// in the year after the report year.
	FirstYear, LastYear, OpenYear           int32
	YearsMissing, YearsLate, YearsNoSection uint64
	DeadlineMonth, DeadlineDay              uint8
}

// Rule returns the link's rule ID.
func (l SyncLinkResult) Rule() string { return l.Link.Rule() }

// Message returns the static bilingual message of the main reason.
func (l SyncLinkResult) Message() hubrules.Text { return l.Reason.Text() }

// EvidenceList returns the evidence steps looked for.
func (l SyncLinkResult) EvidenceList() []SyncEvidence {
	n := int(l.NEvidence)
	if n > len(l.Evidence) {
		n = len(l.Evidence)
	}
	return append([]SyncEvidence(nil), l.Evidence[:n]...)
}

// SyncResult is the six-synchronization check of one organization: the
// programme and profile, which links were checked, and one result per link
// (index link-1). It is a value; Report and MarshalJSON build the generic
// report and the JSON form from it on demand.
type SyncResult struct {
	OrgID     string
	Programme hubrules.Programme
	Profile   SyncProfile
	AsOf      hubrules.Date
	// Checked is the set of links the profile checked.
	Checked SyncLinks
	// Links holds SYNC-1 … SYNC-6 at index 0 … 5.
	Links [6]SyncLinkResult
	// basis points at the checker's basis (or a decoded one), unset at
	// the checker's parameters not in force by link (nil for a decoded
	// result); neither is modified through the result.
	basis *hubrules.Basis
	unset *[7][]hubrules.Unset
}

// Link returns the result of link l (the zero value for an invalid link).
func (r *SyncResult) Link(l SyncLink) SyncLinkResult {
	if !l.Valid() {
		return SyncLinkResult{}
	}
	return r.Links[l-1]
}

// Failed returns the set of links that failed.
func (r *SyncResult) Failed() SyncLinks {
	var s SyncLinks
	for i := range r.Links {
		if r.Links[i].Outcome == hubrules.Fail {
			s = s.With(SyncLink(i + 1))
		}
	}
	return s
}

// Compliant reports whether no checked link failed.
func (r *SyncResult) Compliant() bool { return r.Failed() == 0 }

// Basis returns what the result was based on: the checker's programme,
// parameter values and their provenance, with the evaluation date.
func (r *SyncResult) Basis() hubrules.Basis {
	var b hubrules.Basis
	if r.basis != nil {
		b = r.basis.Clone()
	}
	b.Programme = r.Programme
	b.AsOf = r.AsOf
	return b
}

// Report builds the generic report: the checker's basis, one check per
// checked link (subject: the organization) and one violation finding per
// unmet criterion, with its facts.
func (r *SyncResult) Report() hubrules.Report {
	rep := hubrules.Report{Checks: make([]hubrules.Check, 0, 6), Findings: []hubrules.Finding{}}
	rep.Basis = r.Basis()
	for i := range r.Links {
		l := &r.Links[i]
		if !l.Checked {
			continue
		}
		rep.Checks = append(rep.Checks, hubrules.Check{Rule: l.Rule(), Subject: r.OrgID, Outcome: l.Outcome})
		if l.Outcome == hubrules.NotInForce {
			rep.Findings = append(rep.Findings, hubrules.NotInForceFinding(l.Rule(), r.OrgID, r.AsOf, r.linkUnset(l.Link, rep.Basis)))
		}
		if l.Outcome != hubrules.Fail {
			continue
		}
		if l.Link == LinkAnnualReport {
			rep.Findings = append(rep.Findings, l.yearFindings(r.OrgID)...)
			continue
		}
		facts := l.facts()
		for _, reason := range l.Unmet.List() {
			rep.Findings = append(rep.Findings, hubrules.Finding{Rule: l.Rule(), Severity: hubrules.Violation,
				Subject: r.OrgID, Message: reason.Text(), Facts: facts})
		}
	}
	return rep
}

// linkUnset returns the parameters link l lacked: the checker's record,
// or for a decoded result those of the link's catalogue entry that basis
// lists as missing.
func (r *SyncResult) linkUnset(l SyncLink, basis hubrules.Basis) []hubrules.Unset {
	if r.unset != nil {
		return r.unset[l]
	}
	for _, rule := range catalogue {
		if rule.ID == l.Rule() {
			return basis.Unset(rule.Params...)
		}
	}
	return nil
}

func syncItoa32(n int32) string { return strconv.Itoa(int(n)) }

// facts lists the values that decided a link, formatted for people.
func (l *SyncLinkResult) facts() []hubrules.Fact {
	f := []hubrules.Fact{{Name: "link", Value: l.Link.Code(), Label: l.Link.Name()}}
	if l.BusinessSeen {
		f = append(f, hubrules.Fact{Name: string(l.BusinessKind) + "_date", Value: l.BusinessDate.String()})
	}
	if l.BusinessCount > 0 {
		f = append(f, hubrules.Fact{Name: string(l.BusinessKind) + "_count", Value: syncItoa32(l.BusinessCount)},
			hubrules.Fact{Name: "failing_count", Value: syncItoa32(l.BusinessFailing)})
	}
	for _, e := range l.EvidenceList() {
		if !e.Applies {
			continue
		}
		if e.Kind == l.BusinessKind {
			// The business event's own flag (SYNC-6): its date is the
			// business date above; the fact is the flag.
			f = append(f, hubrules.Fact{Name: syncFlagName(e.Kind), Value: strconv.FormatBool(e.Met)})
			continue
		}
		name := string(e.Kind)
		if e.Seen {
			f = append(f, hubrules.Fact{Name: name + "_date", Value: e.Date.String()})
			if e.Timed {
				f = append(f, hubrules.Fact{Name: name + "_days_apart", Value: syncItoa32(e.DaysApart)})
			}
		} else {
			f = append(f, hubrules.Fact{Name: name + "_date", Value: "none"})
		}
		if e.Timed {
			f = append(f, hubrules.Fact{Name: name + "_window_days", Value: syncItoa32(e.WindowDays)})
		}
	}
	if l.Link == LinkRegistration && l.FormalMembersAtRegistration >= 0 && l.approvalRequired() {
		f = append(f, hubrules.Fact{Name: "formal_members_at_registration", Value: syncItoa32(l.FormalMembersAtRegistration)})
	}
	if l.Link == LinkManagement {
		f = append(f,
			hubrules.Fact{Name: "formal_members", Value: syncItoa32(l.FormalMembers)},
			hubrules.CodeFact("party_form", l.PartyForm),
			hubrules.CodeFact("required_form", l.RequiredForm),
			hubrules.Fact{Name: "quarters_checked", Value: syncItoa32(l.QuartersChecked)},
			hubrules.Fact{Name: "quarters_short", Value: syncItoa32(l.QuartersShort)},
			hubrules.Fact{Name: "min_per_quarter", Value: syncItoa32(l.MinPerQuarter)})
		if !l.FirstShortQuarter.IsZero() {
			f = append(f, hubrules.Fact{Name: "first_short_quarter", Value: l.FirstShortQuarter.String()})
		}
	}
	return f
}

// approvalRequired reports whether the link looked for the set-up approval.
func (l *SyncLinkResult) approvalRequired() bool {
	for _, e := range l.EvidenceList() {
		if e.Kind == EventPartyOrgApproved {
			return true
		}
	}
	return false
}

// syncFlagName names the party-building flag of a business event that is
// its own evidence.
func syncFlagName(k SyncEventKind) string {
	if k == EventAnnualReportFiled {
		return "party_section"
	}
	return "party_assessed"
}

// JSON shapes.

type syncReasonJSON struct {
	Code    string        `json:"code"`
	Message hubrules.Text `json:"message"`
}

type syncBusinessJSON struct {
	Kind    SyncEventKind `json:"kind"`
	Seen    bool          `json:"seen"`
	Date    hubrules.Date `json:"date,omitzero"`
	Count   int32         `json:"count,omitempty"`
	Failing int32         `json:"failing,omitempty"`
}

type syncEvidenceJSON struct {
	Kind       SyncEventKind `json:"kind"`
	Applies    bool          `json:"applies"`
	Seen       bool          `json:"seen"`
	Date       hubrules.Date `json:"date,omitzero"`
	DaysApart  *int32        `json:"days_apart,omitempty"`
	WindowDays *int32        `json:"window_days,omitempty"`
	// Window says how the days are held against the window: max_days_after,
	// max_days_apart, on_or_before, same_event or min_per_quarter.
	Window string `json:"window"`
	Met    bool   `json:"met"`
}

// syncWindowOf names how a link holds an evidence step against its window.
func syncWindowOf(k SyncEventKind) string {
	switch k {
	case EventWorkPlanSubmitted, EventLegalRepInterviewed, EventCensusRecorded:
		return "max_days_after"
	case EventPartyOrgApproved:
		return "max_days_apart"
	case EventCandidatesReviewed:
		return "on_or_before"
	case EventAnnualReportFiled, EventEvaluated:
		return "same_event"
	case EventJointActivity:
		return "min_per_quarter"
	}
	return ""
}

type syncCoverageJSON struct {
	FormalMembers int32              `json:"formal_members"`
	PartyForm     hubrules.PartyForm `json:"party_form"`
	RequiredForm  hubrules.PartyForm `json:"required_form"`
	Met           bool               `json:"met"`
}

type syncActivitiesJSON struct {
	QuartersChecked   int32         `json:"quarters_checked"`
	QuartersShort     int32         `json:"quarters_short"`
	MinPerQuarter     int32         `json:"min_per_quarter"`
	FirstShortQuarter hubrules.Date `json:"first_short_quarter,omitzero"`
}

type syncLinkJSON struct {
	Rule       string              `json:"rule"`
	Link       string              `json:"link"`
	Name       hubrules.Text       `json:"name"`
	Outcome    hubrules.Outcome    `json:"outcome"`
	Reason     string              `json:"reason"`
	Message    hubrules.Text       `json:"message"`
	Unmet      []syncReasonJSON    `json:"unmet,omitempty"`
	Business   syncBusinessJSON    `json:"business"`
	Evidence   []syncEvidenceJSON  `json:"evidence,omitempty"`
	Coverage   *syncCoverageJSON   `json:"coverage,omitempty"`
	Activities *syncActivitiesJSON `json:"activities,omitempty"`
	// MembersAtRegistration is the count SYNC-1's set-up approval was
	// decided by (only when the profile requires that approval).
	MembersAtRegistration *int32 `json:"formal_members_at_registration,omitempty"`
	// Years are SYNC-4's checked report years, OpenYear the year whose
	// deadline has not passed yet.
	Years    []SyncReportYear `json:"years,omitempty"`
	OpenYear int32            `json:"open_year,omitempty"`
	Source   hubrules.Source  `json:"source"`
}

type syncResultJSON struct {
	OrgID     string             `json:"org_id"`
	Programme hubrules.Programme `json:"programme"`
	Profile   SyncProfile        `json:"profile"`
	AsOf      hubrules.Date      `json:"as_of"`
	Compliant bool               `json:"compliant"`
	Checked   []string           `json:"checked"`
	Failed    []string           `json:"failed"`
	Links     []syncLinkJSON     `json:"links"`
	Basis     hubrules.Basis     `json:"basis"`
}

// MarshalJSON writes the link's rule, outcome, reason and message, every
// unmet criterion, the business event and the evidence with their dates,
// days apart and window, and the rule's source.
func (l SyncLinkResult) MarshalJSON() ([]byte, error) { return appendSyncLink(nil, &l, true), nil }

// MarshalJSON writes the organization, programme, profile and date, whether
// it is compliant, the rule IDs checked and failed, and the checked links.
func (r SyncResult) MarshalJSON() ([]byte, error) {
	return appendSyncResult(make([]byte, 0, syncResultJSONSize), &r, true, 0)
}

// syncResultJSONSize is about what a result with every link and the
// basis writes (16 KiB), so that its buffer is not grown step by step.
const syncResultJSONSize = 16 << 10

// AppendUnsourced appends the result as MarshalJSON writes it but with
// each link without its "source", the source of its SYNC rule, which it
// passes to source with the rule ID instead (hubrules.SourcedResult: a
// JSON Lines stream writes each rule's source once).
func (r SyncResult) AppendUnsourced(b []byte, source func(rule string, s hubrules.Source)) ([]byte, error) {
	r.sources(source)
	return appendSyncResult(b, &r, false, 0)
}

// sources passes the source of every checked link's rule to source.
func (r *SyncResult) sources(source func(rule string, s hubrules.Source)) {
	for i := range r.Links {
		if l := &r.Links[i]; l.Checked && l.Link.Valid() && !syncSources[l.Link].IsZero() {
			source(l.Rule(), syncSources[l.Link])
		}
	}
}

func syncReasonOf(code string) (SyncReason, bool) {
	for r := SyncReason(1); r < syncReasonCount; r++ {
		if syncReasonCodes[r] == code {
			return r, true
		}
	}
	return 0, false
}

func syncLinkOf(rule string) SyncLink {
	for l := LinkRegistration; l <= LinkEvaluation; l++ {
		if syncRuleIDs[l] == rule {
			return l
		}
	}
	return 0
}

func syncBadResult(path, value string) error {
	return hubrules.NewInputError(hubrules.FieldError{Path: path, Code: "enum", Value: value,
		Message: hubrules.T(path+" 的取值 "+value+" 不是已知的代码", path+" has the unknown code "+value)})
}

// UnmarshalJSON reads the form MarshalJSON writes, so that a result
// round-trips through JSON (the basis included; the name, message and
// source texts are derived and not read back). Unknown rule or reason codes
// are an *hubrules.InputError.
func (r *SyncResult) UnmarshalJSON(data []byte) error {
	var in syncResultJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	out := SyncResult{OrgID: in.OrgID, Programme: in.Programme, Profile: in.Profile, AsOf: in.AsOf}
	for i := range out.Links {
		out.Links[i].Link = SyncLink(i + 1)
	}
	for i, lj := range in.Links {
		path := hubrules.Index("links", i)
		link := syncLinkOf(lj.Rule)
		if link == 0 {
			return syncBadResult(path+".rule", lj.Rule)
		}
		l := &out.Links[link-1]
		l.Checked = true
		out.Checked = out.Checked.With(link)
		l.Outcome = lj.Outcome
		reason, ok := syncReasonOf(lj.Reason)
		if !ok {
			return syncBadResult(path+".reason", lj.Reason)
		}
		l.Reason = reason
		for j, u := range lj.Unmet {
			ur, ok := syncReasonOf(u.Code)
			if !ok {
				return syncBadResult(hubrules.Index(path+".unmet", j)+".code", u.Code)
			}
			l.Unmet |= 1 << ur
		}
		l.BusinessKind, l.BusinessSeen, l.BusinessDate = lj.Business.Kind, lj.Business.Seen, lj.Business.Date
		l.BusinessCount, l.BusinessFailing = lj.Business.Count, lj.Business.Failing
		if len(lj.Evidence) > len(l.Evidence) {
			return hubrules.NewInputError(hubrules.FieldError{Path: path + ".evidence", Code: "max", Param: "3",
				Message: hubrules.T("一个环节最多 3 项党建步骤", "a link has at most 3 evidence steps")})
		}
		for j, ej := range lj.Evidence {
			e := SyncEvidence{Kind: ej.Kind, Applies: ej.Applies, Seen: ej.Seen, Date: ej.Date, Met: ej.Met}
			if ej.WindowDays != nil {
				e.Timed, e.WindowDays = true, *ej.WindowDays
			}
			if ej.DaysApart != nil {
				e.DaysApart = *ej.DaysApart
			}
			l.Evidence[j] = e
		}
		l.NEvidence = uint8(len(lj.Evidence))
		if err := l.setReportYears(lj.Years, path+".years"); err != nil {
			return err
		}
		l.OpenYear = lj.OpenYear
		if lj.MembersAtRegistration != nil {
			l.FormalMembersAtRegistration = *lj.MembersAtRegistration
		}
		if cj := lj.Coverage; cj != nil {
			l.FormalMembers, l.PartyForm, l.RequiredForm = cj.FormalMembers, cj.PartyForm, cj.RequiredForm
		}
		if aj := lj.Activities; aj != nil {
			l.QuartersChecked, l.QuartersShort, l.MinPerQuarter, l.FirstShortQuarter = aj.QuartersChecked, aj.QuartersShort, aj.MinPerQuarter, aj.FirstShortQuarter
		}
	}
	b := in.Basis
	out.basis = &b
	*r = out
	return nil
}

// JSONShape returns the shape MarshalJSON writes (hubrules.JSONShaper).
func (SyncResult) JSONShape() any { return syncResultJSON{} }

// JSONShape returns the shape MarshalJSON writes (hubrules.JSONShaper).
func (SyncLinkResult) JSONShape() any { return syncLinkJSON{} }
