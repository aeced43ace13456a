package policytest

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
)

// SyncOrgBuilder builds the input of the six-synchronization check one
// event at a time, for readable compliance tests:
//
//	org := policytest.NewSyncOrg("org-1", 3, hubrules.OwnBranch).
//		Registered("2024-01-05").PlanOn("2024-01-05").
//		AnnualReport("2025-05-20", false).Build()
//
// Dates are written "YYYY-MM-DD"; a malformed date panics, as test fixtures
// are literals written by the test's author.
type SyncOrgBuilder struct {
	org hub.SyncOrg
}

// NewSyncOrg starts an organization with its formal party members and the
// party form it has.
func NewSyncOrg(id string, formalMembers int, form hubrules.PartyForm) *SyncOrgBuilder {
	return &SyncOrgBuilder{org: hub.SyncOrg{ID: id, FormalMembers: hubrules.Ptr(formalMembers), PartyForm: form, Events: []hub.SyncEvent{}}}
}

// AtRegistration sets the formal party members the organization had on
// the day of its registration, which SYNC-1's joint approval of the party
// organization (wuliqiao) is decided by.
func (b *SyncOrgBuilder) AtRegistration(formalMembers int) *SyncOrgBuilder {
	b.org.FormalMembersAtRegistration = hubrules.Ptr(formalMembers)
	return b
}

// Event adds an event of any kind.
func (b *SyncOrgBuilder) Event(kind hub.SyncEventKind, date string) *SyncOrgBuilder {
	b.org.Events = append(b.org.Events, hub.SyncEvent{Kind: kind, Date: hubrules.MustParseDate(date)})
	return b
}

// Registered adds the registration (登记).
func (b *SyncOrgBuilder) Registered(date string) *SyncOrgBuilder {
	return b.Event(hub.EventRegistered, date)
}

// PlanOn adds the submission of the party-building work plan (党建工作方案).
func (b *SyncOrgBuilder) PlanOn(date string) *SyncOrgBuilder {
	return b.Event(hub.EventWorkPlanSubmitted, date)
}

// Interviewed adds jingan's interview with the legal representative (法人约谈).
func (b *SyncOrgBuilder) Interviewed(date string) *SyncOrgBuilder {
	return b.Event(hub.EventLegalRepInterviewed, date)
}

// Approved adds the approval of the party organization's set-up (同步审批).
func (b *SyncOrgBuilder) Approved(date string) *SyncOrgBuilder {
	return b.Event(hub.EventPartyOrgApproved, date)
}

// MovedIn adds the move-in (入驻) and, when census is not "", the party
// census (排摸) recorded on that date.
func (b *SyncOrgBuilder) MovedIn(date, census string) *SyncOrgBuilder {
	b.Event(hub.EventMovedIn, date)
	if census != "" {
		b.Event(hub.EventCensusRecorded, census)
	}
	return b
}

// Joint adds joint party and business activities (同步开展) on the dates.
func (b *SyncOrgBuilder) Joint(dates ...string) *SyncOrgBuilder {
	for _, d := range dates {
		b.Event(hub.EventJointActivity, d)
	}
	return b
}

// AnnualReport adds an annual report (年报), with or without a
// party-building section.
func (b *SyncOrgBuilder) AnnualReport(date string, partySection bool) *SyncOrgBuilder {
	b.org.Events = append(b.org.Events, hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: hubrules.MustParseDate(date), PartySection: partySection})
	return b
}

// Reelected adds a board re-election (换届) and, when reviewed is not "",
// the party organization's review of the candidates (人选把关) on that date.
func (b *SyncOrgBuilder) Reelected(date, reviewed string) *SyncOrgBuilder {
	if reviewed != "" {
		b.Event(hub.EventCandidatesReviewed, reviewed)
	}
	return b.Event(hub.EventBoardReelected, date)
}

// Evaluated adds a grading or award evaluation (评选), with or without
// party building assessed in it.
func (b *SyncOrgBuilder) Evaluated(date string, partyAssessed bool) *SyncOrgBuilder {
	b.org.Events = append(b.org.Events, hub.SyncEvent{Kind: hub.EventEvaluated, Date: hubrules.MustParseDate(date), PartyAssessed: partyAssessed})
	return b
}

// Build returns the organization; the builder can go on being used.
func (b *SyncOrgBuilder) Build() hub.SyncOrg {
	out := b.org
	out.Events = append([]hub.SyncEvent(nil), b.org.Events...)
	return out
}

// CompliantSyncOrg returns a typical organization whose six links all
// hold when checked on 2024-12-31 under the kaixuan profile: registered
// with its plan on 2022-03-01, moved in and censused in March 2022, a joint
// activity on the 25th of each quarter of 2024, an annual report with a
// party section for each report year (2022, filed 2023-05-20, and 2023,
// filed 2024-05-20), 3 formal members at registration, a re-election with its candidates reviewed first, and an
// evaluation that assessed party building. Change one event to write the
// test of one failing link.
func CompliantSyncOrg(id string) *SyncOrgBuilder {
	return NewSyncOrg(id, 3, hubrules.OwnBranch).AtRegistration(3).
		PlanOn("2022-03-01").Registered("2022-03-01").
		MovedIn("2022-03-15", "2022-03-30").
		Joint("2024-01-25", "2024-04-25", "2024-07-25", "2024-10-25").
		AnnualReport("2023-05-20", true).AnnualReport("2024-05-20", true).
		Reelected("2024-03-10", "2024-03-01").
		Evaluated("2024-06-10", true)
}

// Member returns a member organization of a hub for the coverage check.
func Member(id string, category hub.Category, form hubrules.PartyForm, formalMembers int, crossAppointed bool) hub.Member {
	return hub.Member{ID: id, Category: category, Form: form, FormalMembers: hubrules.Ptr(formalMembers), CrossAppointed: crossAppointed}
}

// Sheet returns a score sheet with the given item scores ("item", "points"
// pairs); points are written as in the sheets, e.g. "3.5".
func Sheet(org string, form hubrules.LegalForm, party hubrules.PartyForm, formalMembers int, scores ...string) grading.ScoreSheet {
	s := grading.ScoreSheet{Org: org, LegalForm: form, PartyForm: party, FormalPartyMembers: hubrules.Ptr(formalMembers)}
	for i := 0; i+1 < len(scores); i += 2 {
		s.Scores = append(s.Scores, grading.ItemScore{Item: scores[i], Points: hubrules.Ptr(hubrules.MustPoints(scores[i+1]))})
	}
	return s
}
