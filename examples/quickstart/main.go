// Quickstart: check a handful of organizations of one hub — kaixuan's
// 凯益荟 "red incubator" in Hangzhou — with hubrules: the party form each one
// needs (HUB-FORM-01), the hub's coverage (HUB-COV-01/02, HUB-XAPT-01) and
// each organization's six synchronizations (SYNC-1…6), explained in Chinese
// and English.
//
//	go run ./examples/quickstart            # both languages
//	go run ./examples/quickstart -lang en   # English only
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func main() {
	lang := flag.String("lang", "", "zh or en (default: both)")
	flag.Parse()
	if err := run(os.Stdout, *lang); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var d = hubrules.MustParseDate

// The organizations of the example hub. Member IDs and events are invented;
// the rules and parameters are kaixuan's.
var members = hub.Members{Hub: "凯益荟", Members: []hub.Member{
	{ID: "邻里互助社", Category: hub.LifeServices, Form: hubrules.OwnBranch, FormalMembers: hubrules.Ptr(5), CrossAppointed: true, CrossAppointedPersons: hubrules.Ptr(1), MovedIn: d("2022-03-15"), CensusOn: d("2024-04-01")},
	{ID: "红色志愿队", Category: hub.Charity, Form: hubrules.JointBranch, FormalMembers: hubrules.Ptr(2), CrossAppointed: true, CrossAppointedPersons: hubrules.Ptr(1), MovedIn: d("2022-05-10"), CensusOn: d("2024-05-20")},
	{ID: "楼道调解室", Category: hub.Mediation, Form: hubrules.Liaison, FormalMembers: hubrules.Ptr(4), MovedIn: d("2023-01-08"), CensusOn: d("2024-02-01")},
	{ID: "凯旋合唱团", Category: hub.CultureSports, Form: hubrules.ActivityBranch, FormalMembers: hubrules.Ptr(1), CrossAppointed: true, CrossAppointedPersons: hubrules.Ptr(1), MovedIn: d("2023-06-01"), CensusOn: d("2023-06-20")},
}}

var orgs = []hub.SyncOrg{
	{ID: "邻里互助社", FormalMembers: hubrules.Ptr(5), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
		{Kind: hub.EventWorkPlanSubmitted, Date: d("2022-03-01")},
		{Kind: hub.EventRegistered, Date: d("2022-03-01")},
		{Kind: hub.EventMovedIn, Date: d("2022-03-15")},
		{Kind: hub.EventCensusRecorded, Date: d("2022-03-30")},
		{Kind: hub.EventJointActivity, Date: d("2024-01-25")},
		{Kind: hub.EventJointActivity, Date: d("2024-04-25")},
		{Kind: hub.EventJointActivity, Date: d("2024-07-25")},
		{Kind: hub.EventJointActivity, Date: d("2024-10-25")},
		{Kind: hub.EventAnnualReportFiled, Date: d("2023-05-20"), PartySection: true},
		{Kind: hub.EventAnnualReportFiled, Date: d("2024-05-20"), PartySection: true},
		{Kind: hub.EventCandidatesReviewed, Date: d("2024-03-01")},
		{Kind: hub.EventBoardReelected, Date: d("2024-03-10")},
		{Kind: hub.EventEvaluated, Date: d("2024-06-10"), PartyAssessed: true},
	}},
	{ID: "楼道调解室", FormalMembers: hubrules.Ptr(4), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: d("2023-01-02")},
		{Kind: hub.EventWorkPlanSubmitted, Date: d("2023-01-20")},
		{Kind: hub.EventMovedIn, Date: d("2023-01-08")},
		{Kind: hub.EventCensusRecorded, Date: d("2023-01-30")},
		{Kind: hub.EventAnnualReportFiled, Date: d("2024-05-18"), PartySection: false},
	}},
}

func run(w io.Writer, lang string) error {
	asOf := d("2024-12-31")
	langs := []hubrules.Lang{hubrules.ZH, hubrules.EN}
	if lang != "" {
		langs = []hubrules.Lang{hubrules.ParseLang(lang)}
	}

	// Prepare once: parameters resolved for the programme as of the date.
	checker, err := hub.NewChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}
	syncChecker, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		return err
	}

	for _, l := range langs {
		title(w, l, "1. 各组织应有的党组织形式（HUB-FORM-01）", "1. The party form each organization needs (HUB-FORM-01)")
		for _, m := range members.Members {
			form, err := checker.Form(*m.FormalMembers)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  %s: %s\n", m.ID, form.Describe(l))
		}

		title(w, l, "2. 枢纽成员的覆盖情况（HUB-COV-01/02、HUB-XAPT-01）", "2. Coverage of the hub's members (HUB-COV-01/02, HUB-XAPT-01)")
		cov, err := checker.Coverage(members, asOf)
		if err != nil {
			return err
		}
		fmt.Fprint(w, indent(cov.Describe(l)))

		title(w, l, "3. 六同步（SYNC-1…6，凯旋“双孵六同步”）", "3. The six synchronizations (SYNC-1…6, kaixuan's 双孵六同步)")
		for _, o := range orgs {
			res, err := syncChecker.Check(o, asOf)
			if err != nil {
				return err
			}
			r := res.Report()
			verdict := map[bool]hubrules.Text{true: hubrules.T("合规", "compliant"), false: hubrules.T("不合规", "not compliant")}[r.Compliant()]
			fmt.Fprintf(w, "  %s — %s\n", o.ID, verdict.In(l))
			for _, f := range r.Findings {
				fmt.Fprintf(w, "    %s\n", f.Describe(l))
			}
		}
		fmt.Fprintln(w)
	}

	// Malformed input is an error naming the field, never a panic.
	bad := orgs[1]
	bad.FormalMembers = hubrules.Ptr(-1)
	_, err = syncChecker.Check(bad, asOf)
	fmt.Fprintln(w, "bad input →", err)
	return nil
}

func title(w io.Writer, l hubrules.Lang, zh, en string) {
	fmt.Fprintln(w, hubrules.T(zh, en).In(l))
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ") + "\n"
}
