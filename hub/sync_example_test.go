package hub_test

import (
	"errors"
	"fmt"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func ExampleSyncChecker_Check() {
	asOf := hubrules.MustParseDate("2024-06-30")
	checker, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		panic(err)
	}
	org := hub.SyncOrg{ID: "kyh-001", FormalMembers: hubrules.Ptr(3), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventWorkPlanSubmitted, Date: hubrules.MustParseDate("2022-03-01")},
		{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2022-03-01")},
		{Kind: hub.EventMovedIn, Date: hubrules.MustParseDate("2022-03-15")},
		{Kind: hub.EventCensusRecorded, Date: hubrules.MustParseDate("2022-04-20")},
		{Kind: hub.EventAnnualReportFiled, Date: hubrules.MustParseDate("2023-05-20"), PartySection: true},
	}}
	res, err := checker.Check(org, asOf)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Profile, res.Checked.Rules())
	for _, l := range res.Links {
		fmt.Printf("%s %s: %s\n", l.Rule(), l.Outcome, l.Message().EN)
	}
	move := res.Link(hub.LinkMoveIn)
	fmt.Println("census days after move-in:", move.Evidence[0].DaysApart, "window:", move.Evidence[0].WindowDays)
	// SYNC-4 checks every report year whose deadline has passed: the
	// report filed in 2023 covers 2022, nothing covers 2023.
	annual := res.Link(hub.LinkAnnualReport)
	for _, y := range annual.ReportYears() {
		fmt.Println("report year", y.Year, "due", y.Deadline, y.Outcome, y.Unmet)
	}
	// Output:
	// six_sync [SYNC-1 SYNC-2 SYNC-3 SYNC-4 SYNC-5 SYNC-6]
	// SYNC-1 pass: the party-building step accompanied the business step
	// SYNC-2 fail: the party census was recorded later than the move-in window allows
	// SYNC-3 fail: too few joint party and business activities in at least one quarter
	// SYNC-4 fail: the deadline passed without an annual report for the year
	// SYNC-5 not_applicable: no re-election yet: the re-election link does not apply
	// SYNC-6 not_applicable: no grading or award evaluation yet: the evaluation link does not apply
	// census days after move-in: 36 window: 30
	// report year 2022 due 2023-05-31 pass []
	// report year 2023 due 2024-05-31 fail [report_missing]
}

func ExampleSyncChecker_FailedLinks() {
	asOf := hubrules.MustParseDate("2024-06-30")
	checker, _ := hub.NewSyncChecker(hubrules.Jingan, asOf)
	org := hub.SyncOrg{ID: "ja-42", FormalMembers: hubrules.Ptr(1), PartyForm: hubrules.JointBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2023-09-01")},
		{Kind: hub.EventWorkPlanSubmitted, Date: hubrules.MustParseDate("2023-08-20")},
		{Kind: hub.EventEvaluated, Date: hubrules.MustParseDate("2024-05-01")},
	}}
	failed, err := checker.FailedLinks(org, asOf)
	fmt.Println(failed.Rules(), err)

	org.Events = append(org.Events, hub.SyncEvent{Kind: hub.EventEvaluated, Date: hubrules.MustParseDate("2024-07-01")})
	_, err = checker.FailedLinks(org, asOf)
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Messages(hubrules.EN)[0])
	}
	// Output:
	// [SYNC-1 SYNC-6] <nil>
	// events[3].date: the event date 2024-07-01 is after the evaluation date 2024-06-30
}

func ExampleSyncResult_Report() {
	asOf := hubrules.MustParseDate("2024-06-30")
	checker, _ := hub.NewSyncChecker(hubrules.Wuliqiao, asOf)
	org := hub.SyncOrg{ID: "wlq-08", FormalMembers: hubrules.Ptr(5), FormalMembersAtRegistration: hubrules.Ptr(3), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2023-01-10")},
		{Kind: hub.EventPartyOrgApproved, Date: hubrules.MustParseDate("2023-03-01")},
	}}
	res, err := checker.Check(org, asOf)
	if err != nil {
		panic(err)
	}
	for _, f := range res.Report().Findings {
		fmt.Println(f.Describe(hubrules.EN))
	}
	// Output:
	// [SYNC-1 per [the Kaiyihui "red incubator" of Kaixuan street], 二、主要做法·（一）创新组织堡垒建设] wlq-08: the party organization's set-up was not approved together with the registration (too many days apart) (link=registration, registered_date=2023-01-10, party_org_approved_date=2023-03-01, party_org_approved_days_apart=50, party_org_approved_window_days=30, formal_members_at_registration=3)
}
