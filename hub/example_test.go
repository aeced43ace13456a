package hub_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func mustChecker(p hubrules.Programme) *hub.Checker {
	c, err := hub.NewChecker(p, hubrules.MustParseDate("2024-01-01"))
	if err != nil {
		panic(err)
	}
	return c
}

// The party form an organization needs from its formal members (HUB-FORM-01/02).
func ExampleChecker_Form() {
	c := mustChecker(hubrules.National)
	for _, n := range []int{0, 2, 3, 7, 50, 100} {
		d, _ := c.Form(n)
		fmt.Println(d.Describe(hubrules.EN))
	}
	// Output:
	// 0 formal members → party-building liaison or instructor
	// 2 formal members → joint party branch or activity (functional) branch
	// 3 formal members → own party branch; body: branch; secretary only
	// 7 formal members → own party branch; body: branch; committee of 3–5 (at most 7)
	// 50 formal members → own party branch; body: general branch; elects a committee: no size rule applies to a general branch
	// 100 formal members → own party branch; body: basic-level committee; elects a committee: no size rule applies to a basic-level committee
}

// Wuliqiao's 32 member organizations (HUB-COV-01, HUB-XAPT-01).
func ExampleChecker_Coverage() {
	data, _ := os.ReadFile("testdata/wuliqiao_members.json")
	members, err := hub.DecodeMembers(data)
	if err != nil {
		panic(err)
	}
	c := mustChecker(hubrules.Wuliqiao)
	r, _ := c.Coverage(members, hubrules.MustParseDate("2024-06-30"))
	fmt.Println("organizational:", r.Organizational)
	fmt.Println("work:", r.Work)
	// wuliqiao's 交叉任职24人，占比75%: 24 persons over the 32 members.
	fmt.Println("cross-appointed persons:", *r.CrossAppointedPersons, r.CrossAppointmentPersons)
	fmt.Println("organizations cross-appointed:", r.CrossAppointment, "of those with a party organization")
	fmt.Println("compliant:", r.Report.Compliant())
	for _, p := range r.Report.Basis.Unverified() {
		fmt.Println("not verified:", p.Name, p.Confidence)
	}
	// Output:
	// organizational: 14/32 = 43.8%
	// work: 32/32 = 100.0%
	// cross-appointed persons: 24 24/32 = 75.0%
	// organizations cross-appointed: 14/14 = 100.0% of those with a party organization
	// compliant: true
	// not verified: form.own_branch_min_formal secondary
	// not verified: xapt.target_percent illustrative
	// not verified: census.refresh_months illustrative
}

// Malformed input is an *InputError naming each field in Chinese and English.
func ExampleDecodeMembers_error() {
	_, err := hub.DecodeMembers([]byte(`{"hub":"h","members":[{"id":"a","form":"liaison","formal_members":0},{"id":"a","form":"liaison","formal_members":0}]}`))
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Fields[0].Path, ie.Fields[0].Code)
		fmt.Println(ie.Fields[0].Message.ZH)
		fmt.Println(ie.Fields[0].Message.EN)
	}
	// Output:
	// members[1].id duplicate
	// 编号 a 重复（与第 0 项相同）
	// duplicate id a (same as item 0)
}

// Kaixuan's "1+6+36" structure (HUB-STRUCT-01).
func ExampleChecker_CheckStructure() {
	data, _ := os.ReadFile("testdata/kaixuan_structure.json")
	s, _ := hub.DecodeStructure(data)
	r, _ := mustChecker(hubrules.Kaixuan).CheckStructure(s, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.Formula, r.Members, r.Report.Outcome(hub.RuleStruct01))
	// Output:
	// 1+6+36 326 pass
}

// A branch elected on 2020-06-30 with its term extended by a year (HUB-TERM-01).
func ExampleChecker_Term() {
	c := mustChecker(hubrules.National)
	t, _ := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("2020-06-30"), ExtendedTo: hubrules.MustParseDate("2024-06-30")}, hubrules.MustParseDate("2024-07-01"))
	fmt.Println(t.Due, t.Deadline, t.Overdue)
	// Output:
	// 2023-06-30 2024-06-30 true
}

// Administrative party work stays with the service centre (HUB-ADMIN-01).
func ExampleChecker_CheckAdmin() {
	r, _ := mustChecker(hubrules.Lujiazui).CheckAdmin(hub.Assignments{Tasks: []hub.Assignment{
		{Task: hub.CollectDues, Assignee: hub.AssignedToHub},
		{Task: hub.OrganizeActivities, Assignee: hub.AssignedToHub},
	}}, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.Describe(hubrules.EN))
	// Output:
	// programme lujiazui, as of 2024-06-30, parameters effective 2014-01-01
	// checks: 1 passed, 1 failed, 0 not applicable
	//   [HUB-ADMIN-01 per [the social transformation of the Lujiazui Sunshine Station], （四）在发展目标上·三是与党建服务中心的错位发展] collect_dues: administrative party work must not be assigned to the hub (管办分离) (task=收缴党费 / collecting dues, assignee=hub)
}

// The five hub functions (HUB-FUNC-01).
func ExampleChecker_CheckFunctions() {
	r, _ := mustChecker(hubrules.Lujiazui).CheckFunctions([]hub.Function{hub.Incubation, hub.LiaisonService, hub.Voice}, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.Missing)
	// Output:
	// [resource_support talent_gathering]
}

// A board past its term; the term length is illustrative, and the text says so (HUB-BOARD-01).
func ExampleChecker_CheckBoard() {
	r, _ := mustChecker(hubrules.Lujiazui).CheckBoard(hub.Board{TermStarted: hubrules.MustParseDate("2019-03-01")}, hubrules.MustParseDate("2024-06-30"))
	fmt.Print(r.Report.Describe(hubrules.EN))
	// Output:
	// programme lujiazui, as of 2024-06-30, parameters effective 2003-01-01
	// not verified: board.term_years(illustrative), board.due_soon_days(illustrative)
	// checks: 0 passed, 1 failed, 0 not applicable
	//   [HUB-BOARD-01 per [the social transformation of the Lujiazui Sunshine Station], （一）在组织形式上] board: the board's term has ended without re-election (the trigger of SYNC-5) (term_started=2019-03-01, term_years=5, term_ends=2024-03-01, days_left=-121)
}

// A service centre with every condition unmet (HUB-CENTRE-01).
func ExampleChecker_CheckCentre() {
	r, _ := mustChecker(hubrules.Kaixuan).CheckCentre(hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialGroup, OfficeM2: 80,
		ExternalOperator: true, OperatorGrade: hubrules.Grade2A}, hubrules.MustParseDate("2024-06-30"))
	for _, f := range r.Findings {
		fmt.Println(f.Message.EN)
	}
	// Output:
	// the centre must be registered as a social service institution
	// the centre has no fixed office
	// the centre's fixed office is too small
	// the outside operator's grade is too low
}

// Months without an activity on the 25th (HUB-DAY-01).
func ExampleChecker_CheckDedicationDay() {
	d := hubrules.MustParseDate
	r, _ := mustChecker(hubrules.Kaixuan).CheckDedicationDay(hub.Calendar{From: d("2024-01-01"), To: d("2024-06-30"),
		Activities: []hubrules.Date{d("2024-01-25"), d("2024-02-24"), d("2024-03-25"), d("2024-05-25"), d("2024-06-25")}}, d("2024-06-30"))
	fmt.Println(r.Checked, r.Missing)
	// Output:
	// 6 [2024-02-25 2024-04-25]
}

// Xiyuan's "两委两站" posts (HUB-XIYUAN-01).
func ExampleChecker_CheckPosts() {
	r, _ := mustChecker(hubrules.Xiyuan).CheckPosts(hub.Posts{DeputySecretaries: []string{"wang"}, ResidentsDirector: "li",
		ResidentsDirectorIsMember: false, WorkStationHead: "wang", SocialWorkStationHead: "li"}, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.Compliant())
	// Output:
	// true
}

// Xiyuan's "1+2+X" station (HUB-XIYUAN-02).
func ExampleChecker_CheckStation() {
	r, _ := mustChecker(hubrules.Xiyuan).CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(1), ResidentsCommitteeStaff: hubrules.Ptr(1), CommunityOrgs: hubrules.Ptr(4)}, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.FailedRules(), r.Findings[0].Subject)
	// Output:
	// [HUB-XIYUAN-02] residents_committee_members
}

// Xiyuan's "4+1" standard (HUB-XIYUAN-03).
func ExampleChecker_CheckFourPlusOne() {
	r, _ := mustChecker(hubrules.Xiyuan).CheckFourPlusOne([]hub.BodyStaff{
		{Body: hub.PartyCommittee, Certified: hubrules.Ptr(2)}, {Body: hub.ResidentsCommittee, Certified: hubrules.Ptr(1)},
		{Body: hub.WorkStation, Certified: hubrules.Ptr(1)}, {Body: hub.SocialWorkStation, Certified: hubrules.Ptr(0)},
	}, hubrules.MustParseDate("2024-06-30"))
	fmt.Println(r.Findings[0].Subject)
	// Output:
	// social_work_station
}

// Exact rates with a half-up percentage.
func ExampleRate() {
	fmt.Println(hub.NewRate(14, 32).Percent(), hub.NewRate(14, 32).Tenths())
	// Output:
	// 43.8 438
}

// A caller's own parameter file layered on the shipped one: the decision
// records the value used and whether it is verified.
func ExampleWithParams() {
	own, err := hubrules.ParseParams([]byte(`package: hub
parameters:
  census.refresh_months:
    description: {zh: 党员情况排摸更新周期}
    unit: months
    values:
      - programme: wuliqiao
        from: 2024-01-01
        value: 6
        confidence: verified
        source: {document: 街道党工委通知, clause: 第三条}
`))
	if err != nil {
		panic(err)
	}
	c, err := hub.NewChecker(hubrules.Wuliqiao, hubrules.MustParseDate("2024-06-30"), hub.WithParams(hub.DefaultParamSet().Overlay(own)))
	if err != nil {
		panic(err)
	}
	p, _ := c.Basis().Param("census.refresh_months")
	fmt.Println(c.Params().CensusRefreshMonths, p.Confidence, p.Source.Title.ZH)
	// Output:
	// 6 verified 街道党工委通知
}

// A structure with an organization in two joint branches is refused.
func ExampleDecodeStructure() {
	_, err := hub.DecodeStructure([]byte(`{"hub":"h","bodies":[
	  {"id":"j1","kind":"joint_branch","formal_members":4,"committee_size":0,"units":["o1","o2"]},
	  {"id":"j2","kind":"joint_branch","formal_members":3,"committee_size":0,"units":["o2","o3"]}]}`))
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Fields[0].Path)
		fmt.Println(ie.Fields[0].Message.EN)
	}
	// Output:
	// bodies[1].units[0]
	// organization o2 is in two joint branches (see also bodies[0].units[1])
}

// A branch elected on 2013-03-01 served "two or three years" (the
// constitution of the time): on 2015-06-30 the election is due, and after
// 2016-03-01 it is overdue (HUB-TERM-01).
func ExampleChecker_Term_range() {
	c := mustChecker(hubrules.National)
	for _, asOf := range []string{"2015-06-30", "2016-06-30"} {
		t, _ := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("2013-03-01")}, hubrules.MustParseDate(asOf))
		fmt.Println(asOf, t.Rule.Describe(hubrules.EN), t.Due, t.Deadline, t.DueSoon, t.Overdue)
	}
	// Output:
	// 2015-06-30 2 or 3 years 2015-03-01 2016-03-01 true false
	// 2016-06-30 2 or 3 years 2015-03-01 2016-03-01 false true
}

// A term rule is one number, a range or a set of allowed values.
func ExampleYearsRule() {
	var r hub.YearsRule
	_ = json.Unmarshal([]byte(`{"min":3,"max":5}`), &r)
	fmt.Println(r.Describe(hubrules.ZH), r.Allows(4), r.Allows(6))
	// Output:
	// 3—5 年 true false
}
