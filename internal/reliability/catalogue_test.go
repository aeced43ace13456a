package reliability_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/incubation"
	"github.com/hubrules/hubrules/internal/kinds"
)

// badCase is one malformed input: either a registered kind's JSON input
// (decoded and evaluated as the CLI does) or the input of a Go entry point
// that no kind reaches.
type badCase struct {
	// Kind is a registered kind's name; API names a Go entry point instead.
	Kind string
	API  string
	Desc string
	// Input is the input as written in the document: compact JSON, or YAML
	// for a parameter file.
	Input string
	// Call evaluates Input through API.
	Call func(input []byte) error
	// Code is the code the error must carry on some field.
	Code string
	// Whole says no single field is to blame (malformed JSON, an empty
	// document), so the path may be empty.
	Whole bool
	// Bug names a known defect of the answer (reported to the lead); the
	// row is kept so the document shows what callers get today, and the
	// path is not asserted.
	Bug string
}

func (c badCase) entry() string {
	if c.Kind != "" {
		return c.Kind
	}
	return c.API
}

// paramFile is a grading or funding parameter file with one value.
func paramFile(pkg, name, value string) string { return paramFileFor(pkg, "national", name, value) }

// paramFileFor is paramFile for one programme's value.
func paramFileFor(pkg, programme, name, value string) string {
	return "package: " + pkg + "\nparameters:\n  " + name + ":\n    description: {zh: 覆盖, en: overlay}\n    values:\n      - programme: " + programme + "\n        from: 2024-01-01\n        confidence: illustrative\n        source: {document: 测试, clause: 示例}\n        value: " + value + "\n"
}

// gradingOverlay layers a grading parameter file over the defaults and
// resolves it, as a caller with its own band table would.
func gradingOverlay(data []byte) error {
	set, err := hubrules.ParseParams(data)
	if err != nil {
		return err
	}
	_, _, err = grading.Resolve(hubrules.National, hubrules.MustParseDate("2024-06-30"), grading.WithParams(grading.DefaultParamSet().Overlay(set)))
	return err
}

func fundingOverlay(data []byte) error {
	set, err := hubrules.ParseParams(data)
	if err != nil {
		return err
	}
	e, err := funding.NewEvaluator(hubrules.National, hubrules.MustParseDate("2024-06-30"), funding.WithParams(funding.DefaultParamSet().Overlay(set)))
	if err != nil {
		return err
	}
	_, err = e.Fee(funding.FeeInput{Project: "p", Total: hubrules.Ptr(funding.Yuan(100))})
	return err
}

func gradeSheet(data []byte) error {
	g, err := grading.NewGrader(hubrules.Lujiazui, hubrules.MustParseDate("2024-06-30"))
	if err != nil {
		return err
	}
	s, err := grading.DecodeScoreSheet(data)
	if err != nil {
		return err
	}
	_, err = g.Grade(&s)
	return err
}

func buildTranches(data []byte) error {
	var in struct {
		Amount   funding.Money         `json:"amount"`
		Schedule []funding.TrancheSpec `json:"schedule"`
	}
	if err := hubrules.DecodeJSON(data, &in); err != nil {
		return err
	}
	_, err := funding.BuildTranches(in.Amount, in.Schedule)
	return err
}

func replay(data []byte) error {
	_, _, err := incubation.DecodeHistory(data)
	return err
}

func structure(data []byte) error { return structureOn(hubrules.MustParseDate("2024-06-30"))(data) }

// structureOn checks a structure as of asOf.
func structureOn(asOf hubrules.Date) func([]byte) error {
	return func(data []byte) error {
		c, err := hub.NewChecker(hubrules.Kaixuan, asOf)
		if err != nil {
			return err
		}
		s, err := hub.DecodeStructure(data)
		if err != nil {
			return err
		}
		_, err = c.CheckStructure(s, asOf)
		return err
	}
}

// structureResolved checks a structure as of 2015-06-30 with parameters
// resolved for 2024-06-30 and handed over: they apply to their own date
// only.
func structureResolved(data []byte) error {
	day := hubrules.MustParseDate("2024-06-30")
	p, b, err := hub.Resolve(hubrules.Kaixuan, day)
	if err != nil {
		return err
	}
	c, err := hub.NewChecker(hubrules.Kaixuan, day, hub.WithResolved(p, b))
	if err != nil {
		return err
	}
	s, err := hub.DecodeStructure(data)
	if err != nil {
		return err
	}
	_, err = c.CheckStructure(s, hubrules.MustParseDate("2015-06-30"))
	return err
}

// lastDay is the last date that can be written.
var lastDay = hubrules.MustParseDate("9999-12-31")

// standingLate asks for the standing of a grading record on lastDay.
func standingLate(data []byte) error {
	var rec grading.OrgRecord
	if err := hubrules.DecodeJSON(data, &rec); err != nil {
		return err
	}
	s, err := grading.NewStanding(hubrules.Xiyuan, lastDay)
	if err != nil {
		return err
	}
	_, err = s.At(&rec, lastDay)
	return err
}

// startLate evaluates a start-up grant on lastDay.
func startLate(data []byte) error {
	var in funding.StartInput
	if err := hubrules.DecodeJSON(data, &in); err != nil {
		return err
	}
	e, err := funding.NewEvaluator(hubrules.Xiyuan, lastDay)
	if err != nil {
		return err
	}
	_, err = e.Start(in, lastDay)
	return err
}

// admitted is the record of one incubatee admitted on 2024-03-01, as the
// machine writes it (criteria left out: a replay does not need them).
const admitted = `{"subject":"s","state":"incubating","mode":"organization","base":"district_base","class":"sprouting","term_start":"2024-03-01","term_end":"2025-02-28","history":[{"date":"2024-03-01","trigger":"admit","subject":"s","from":"applied","to":"incubating","outcome":"fired","programme":"kaixuan","mode":"organization","base":"district_base","class":"sprouting","term_start":"2024-03-01","term_end":"2025-02-28"}]}`

// badCases is the catalogue. Every kind of bad input the package issues
// name has at least one row.
func badCases(t testing.TB) []badCase {
	rec := admitted
	admitFacts := `{"actor":"中心","serves_community":true,"leader":"甲","census_done":true,"entry_mode":"organization","base":"district_base"}`
	cases := []badCase{
		// check sync
		{Kind: "check sync", Desc: "negative count of formal members", Code: "gte",
			Input: `{"id":"o-1","formal_members":-1,"party_form":"own_branch","events":[]}`},
		{Kind: "check sync", Desc: "unknown party form code", Code: "enum",
			Input: `{"id":"o-1","formal_members":3,"party_form":"cell","events":[]}`},
		{Kind: "check sync", Desc: "unknown event code", Code: "enum",
			Input: `{"id":"o-1","formal_members":3,"party_form":"own_branch","events":[{"kind":"founded","date":"2024-01-05"}]}`},
		{Kind: "check sync", Desc: "event dated after the evaluation date (2024-12-31)",
			Input: `{"id":"o-1","formal_members":3,"party_form":"own_branch","events":[{"kind":"registered","date":"2025-03-01"}]}`},
		{Kind: "check sync", Desc: "duplicate event (one kind, one day)",
			Input: `{"id":"o-1","formal_members":3,"party_form":"own_branch","events":[{"kind":"registered","date":"2024-03-01"},{"kind":"registered","date":"2024-03-01"}]}`},
		{Kind: "check sync", Desc: "a date that does not exist", Code: "date",
			Input: `{"id":"o-1","formal_members":3,"party_form":"own_branch","events":[{"kind":"registered","date":"2024-02-30"}]}`},
		{Kind: "check sync", Desc: "flag on an event kind that cannot carry it",
			Input: `{"id":"o-1","formal_members":3,"party_form":"own_branch","events":[{"kind":"registered","date":"2024-03-01","party_section":true}]}`},
		{Kind: "check sync", Desc: "missing organization ID", Code: "required",
			Input: `{"formal_members":3,"party_form":"own_branch","events":[]}`},
		{Kind: "check sync", Desc: "negative count of formal members at registration", Code: "gte",
			Input: `{"id":"o-1","formal_members":3,"formal_members_at_registration":-1,"party_form":"own_branch","events":[]}`},

		// check forms
		{Kind: "check forms", Desc: "negative count of formal members", Code: "gte",
			Input: `{"organizations":[{"id":"a","formal_members":-3}]}`},
		{Kind: "check forms", Desc: "unknown party form code", Code: "enum",
			Input: `{"organizations":[{"id":"a","formal_members":3,"form":"branchlet"}]}`},
		{Kind: "check forms", Desc: "count written as a string", Code: "type",
			Input: `{"organizations":[{"id":"a","formal_members":"3"}]}`},

		// check coverage
		{Kind: "check coverage", Desc: "negative count of formal members", Code: "gte",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":-1}]}`},
		{Kind: "check coverage", Desc: "duplicate member ID",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":3},{"id":"a","form":"liaison","formal_members":0}]}`},
		{Kind: "check coverage", Desc: "unknown service category code", Code: "enum",
			Input: `{"hub":"h","members":[{"id":"a","category":"sports","form":"own_branch","formal_members":3}]}`},
		{Kind: "check coverage", Desc: "census dated after the evaluation date (2024-06-30)",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":3,"census_on":"2025-01-01"}]}`},
		{Kind: "check coverage", Desc: "a liaison-only organization marked cross-appointed (it has no party organization)", Code: "coverage",
			Input: `{"hub":"h","members":[{"id":"a","form":"liaison","formal_members":0,"cross_appointed":true}]}`},
		{Kind: "check coverage", Desc: "cross-appointed with 0 cross-appointed persons", Code: "contradiction",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":3,"cross_appointed":true,"cross_appointed_persons":0}]}`},

		// check statistics
		{Kind: "check statistics", Desc: "a joint body the list does not hold", Code: "unknown",
			Input: `{"hub":"h","joint_bodies":[{"id":"j1","kind":"joint_branch"}],"members":[{"id":"a","form":"joint_branch","formal_members":1,"joint_body":"j2"}]}`},
		{Kind: "check statistics", Desc: "persons not as many as the formal members", Code: "count",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":3,"persons":["p1"]}]}`},
		{Kind: "check statistics", Desc: "activity persons on an own branch", Code: "form",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":1,"activity_persons":["p9"]}]}`},

		// check structure
		{Kind: "check structure", Desc: "an organization in two joint branches",
			Input: `{"hub":"h","bodies":[{"id":"c","kind":"committee","formal_members":0,"committee_size":5,"elected_on":"2022-01-01"},{"id":"j1","kind":"joint_branch","parent":"c","formal_members":4,"committee_size":0,"units":["org-a","org-b"],"elected_on":"2023-01-01"},{"id":"j2","kind":"joint_branch","parent":"c","formal_members":4,"committee_size":0,"units":["org-b","org-c"],"elected_on":"2023-01-01"}]}`},
		{Kind: "check structure", Desc: "parent that is not in the structure",
			Input: `{"hub":"h","bodies":[{"id":"b","kind":"branch","parent":"nowhere","formal_members":5,"committee_size":3,"elected_on":"2023-01-01"}]}`},
		{Kind: "check structure", Desc: "parents that form a cycle",
			Input: `{"hub":"h","bodies":[{"id":"a","kind":"committee","parent":"b","formal_members":120,"committee_size":5,"elected_on":"2023-01-01"},{"id":"b","kind":"committee","parent":"a","formal_members":120,"committee_size":5,"elected_on":"2023-01-01"}]}`},
		{Kind: "check structure", Desc: "dates out of order: extension before the election",
			Input: `{"hub":"h","bodies":[{"id":"c","kind":"committee","formal_members":120,"committee_size":5,"elected_on":"2022-01-01","extended_to":"2021-01-01"}]}`},
		{Kind: "check structure", Desc: "unknown body kind code", Code: "enum",
			Input: `{"hub":"h","bodies":[{"id":"c","kind":"cell","formal_members":3,"committee_size":0}]}`},
		{Kind: "check structure", Desc: "committee size left out (missing data, not a secretary only)", Code: "required",
			Input: `{"hub":"h","bodies":[{"id":"b","kind":"branch","formal_members":9,"elected_on":"2023-01-01"}]}`},
		{Kind: "check structure", Desc: "term the body was elected for outside 1–20 years", Code: "lte",
			Input: `{"hub":"h","bodies":[{"id":"b","kind":"branch","formal_members":5,"committee_size":3,"elected_on":"2023-01-01","term_years":25}]}`},
		{API: "hub.CheckStructure", Desc: "parameters resolved for 2024-06-30 asked about 2015-06-30 (WithResolved)", Call: structureResolved, Code: "other_date",
			Input: `{"hub":"h","bodies":[{"id":"b","kind":"branch","formal_members":5,"committee_size":3}]}`},
		{API: "hub.CheckStructure", Desc: "an organization in two joint branches (Go API)", Call: structure,
			Input: `{"hub":"h","bodies":[{"id":"j1","kind":"joint_branch","formal_members":4,"committee_size":0,"units":["org-a","org-b"],"elected_on":"2023-01-01"},{"id":"j2","kind":"joint_branch","formal_members":4,"committee_size":0,"units":["org-b"],"elected_on":"2023-01-01"}]}`},

		// incubate
		{Kind: "incubate", Desc: "unknown state code in the record", Code: "enum",
			Input: `{"record":{"subject":"s","state":"hatched"},"trigger":"admit","date":"2024-03-01","facts":` + admitFacts + `}`},
		{Kind: "incubate", Desc: "unknown trigger code", Code: "enum",
			Input: `{"record":{"subject":"s","state":"applied"},"trigger":"hatch","date":"2024-03-01","facts":{}}`},
		{Kind: "incubate", Desc: "firing dated before the last history entry",
			Input: `{"record":` + rec + `,"trigger":"promote","date":"2024-02-01","facts":{}}`},
		{Kind: "incubate", Desc: "admission on 9999-12-31 (the term would end after 9999-12-31)", Code: "date_range",
			Input: `{"record":{"subject":"s","state":"applied"},"trigger":"admit","date":"9999-12-31","facts":` + admitFacts + `}`},
		{API: "hub.CheckStructure", Desc: "body elected in 9999 (its term would end after 9999-12-31), on 9999-12-31", Call: structureOn(lastDay), Code: "date_range",
			Input: `{"hub":"h","bodies":[{"id":"c","kind":"committee","formal_members":120,"committee_size":5,"elected_on":"9999-01-01"}]}`},
		{API: "grading.Standing.At", Desc: "grade announced in 9999 (valid after 9999-12-31), on 9999-12-31", Call: standingLate, Code: "date_range",
			Input: `{"org":"o","registered":"9990-01-01","award":{"grade":"4A","announced":"9999-06-01"}}`},
		{API: "funding.Evaluator.Start", Desc: "operation started in 9999 (due after 9999-12-31), on 9999-12-31", Call: startLate, Code: "date_range",
			Input: `{"org":"o","started":"9999-06-01","normal_operation":true,"already_granted":false,"fund_used":"0.00"}`},
		{Kind: "incubate", Desc: "percentage over 100", Code: "lte",
			Input: `{"record":` + rec + `,"trigger":"promote","date":"2024-09-01","facts":{"satisfaction_percent":120}}`},
		{Kind: "incubate", Desc: "score with more than one decimal (scores are exact to a tenth)", Code: "format",
			Input: `{"record":` + rec + `,"trigger":"promote","date":"2024-09-01","facts":{"assessment_score":59.95}}`},
		{Kind: "incubate", Desc: "negative count in the facts", Code: "gte",
			Input: `{"record":` + rec + `,"trigger":"promote","date":"2024-09-01","facts":{"projects_delivered":-2}}`},
		{Kind: "incubate", Desc: "record whose fields disagree with its history",
			Input: `{"record":{"subject":"s","state":"growing","history":[]},"trigger":"graduate","date":"2024-09-01","facts":{}}`},
		{API: "incubation.DecodeHistory", Desc: "history that does not start at applied", Call: replay,
			Input: `[{"date":"2024-03-01","trigger":"promote","subject":"s","from":"incubating","to":"growing","outcome":"fired","programme":"kaixuan"}]`},
		{API: "incubation.DecodeHistory", Desc: "history entries out of date order", Call: replay,
			Input: `[{"date":"2024-03-01","trigger":"admit","subject":"s","from":"applied","to":"incubating","outcome":"fired","programme":"kaixuan","mode":"organization","base":"district_base","class":"sprouting","term_start":"2024-03-01","term_end":"2025-02-28"},{"date":"2024-01-01","trigger":"promote","subject":"s","from":"incubating","to":"growing","outcome":"fired","programme":"kaixuan","class":"growing"}]`},

		// strict JSON (any kind: the rows use a few)
		{Kind: "fund fee", Desc: "a key written twice (the last no longer wins)", Code: "duplicate_key",
			Input: `{"project":"p","total":"100.00","total":"999999.00"}`},
		{Kind: "check coverage", Desc: "a key that matches a field only without regard to case", Code: "unknown_field",
			Input: `{"hub":"h","members":[{"id":"a","ID":"b","form":"own_branch","formal_members":3}]}`},
		{Kind: "check coverage", Desc: "invalid UTF-8 in a string", Code: "utf8",
			Input: "{\"hub\":\"h\",\"members\":[{\"id\":\"a\xff\",\"form\":\"own_branch\",\"formal_members\":3}]}"},
		{Kind: "check coverage", Desc: "an escaped lone surrogate (it would become U+FFFD)", Code: "utf8",
			Input: `{"hub":"h","members":[{"id":"a\udc00","form":"own_branch","formal_members":3}]}`},
		{Kind: "fund fee", Desc: "amount with spaces around it", Code: "format",
			Input: `{"project":"p","total":" 100.00"}`},
		{Kind: "check coverage", Desc: "a whole number too large for its field", Code: "range",
			Input: `{"hub":"h","members":[{"id":"a","form":"own_branch","formal_members":99999999999999999999}]}`},
		{Kind: "check structure", Desc: "more problems than an error lists (at most 100, then a count)", Code: "too_many_errors",
			Input: `{"hub":"h","bodies":[` + strings.TrimSuffix(strings.Repeat(`{},`, 80), ",") + `]}`},

		// funding
		{Kind: "fund fee", Desc: "negative amount",
			Input: `{"project":"p","total":"-100.00"}`},
		{Kind: "fund fee", Desc: "malformed amount", Code: "format",
			Input: `{"project":"p","total":"12.000.00"}`},
		{Kind: "fund fee", Desc: "amount with an exponent", Code: "format",
			Input: `{"project":"p","total":"1e5"}`},
		{Kind: "fund fee", Desc: "amount written as a JSON number (a float loses exactness)", Code: "format",
			Input: `{"project":"p","total":286000.5}`},
		{Kind: "fund fee", Desc: "unknown rounding code",
			Input: `{"project":"p","total":"100.00","rounding":"bankers"}`},
		{Kind: "fund venture", Desc: "negative request",
			Input: `{"pool":"1000.00","projects":[{"id":"p","score":"80","request":"-5.00"}]}`},
		{Kind: "fund fee", Desc: "total missing (never read as 0.00)", Code: "required",
			Input: `{"project":"p"}`},
		{Kind: "fund venture", Desc: "a project without score or request (never read as 0)", Code: "required",
			Input: `{"pool":"1000.00","projects":[{"id":"p","score":"80","request":"5.00"},{"id":"q"}]}`},
		{Kind: "fund venture", Desc: "no projects", Code: "min",
			Input: `{"pool":"1000.00","projects":[]}`},
		{Kind: "fund charity", Desc: "unknown charity class code",
			Input: `{"org":"o","class":"trust","last_year_income":"1.00","last_year_net_assets":"1.00","charitable_spending":"1.00","total_spending":"1.00","management_costs":"0.00"}`},
		{Kind: "fund donate", Desc: "carried year not before the tax year (an expired one is reported, not refused)", Code: "lt",
			Input: `{"enterprise":{"year":2024,"accounting_profit":"1000000.00","qualified":"150000.00","unqualified":"0.00","carry_forward":[{"year":2024,"amount":"20000.00"}]}}`},
		{Kind: "fund donate", Desc: "2016 with an excess but without the gifts from 2016-09-01 (never read as 0.00)", Code: "required",
			Input: `{"enterprise":{"year":2016,"accounting_profit":"100.00","qualified":"50.00"}}`},
		{Kind: "fund donate", Desc: "neither enterprise nor individual", Code: "one_of",
			Input: `{}`},
		{Kind: "fund allocate", Desc: "weights all zero",
			Input: `{"amount":"100.00","weights":[0,0,0]}`},
		{Kind: "fund allocate", Desc: "negative weight",
			Input: `{"amount":"100.00","weights":[1,-1]}`},
		{Kind: "fund allocate", Desc: "ids and weights of different lengths", Code: "len",
			Input: `{"amount":"100.00","ids":["a"],"weights":[1,1]}`},
		// A payment over the commitment, or to a project never committed,
		// is a refusal by FND-BUDGET-01 (outcome "refused"), not bad input.
		{Kind: "fund ledger", Desc: "unknown operation code",
			Input: `{"entries":[{"op":"steal","area":"cultivation","project":"p","amount":"1.00"}]}`},
		{Kind: "fund ledger", Desc: "area share over 100 %",
			Input: `{"areas":[{"code":"a","name":{"zh":"甲","en":"A"},"share":"150%"}],"entries":[]}`},
		{API: "funding.BuildTranches", Desc: "tranche schedule that does not add to 100 %", Call: buildTranches,
			Input: `{"amount":"1000.00","schedule":[{"milestone":"signed","share":"0.30"},{"milestone":"final","share":"0.30"}]}`},
		{API: "funding.BuildTranches", Desc: "tranche share over 100 %", Call: buildTranches,
			Input: `{"amount":"1000.00","schedule":[{"milestone":"signed","share":"1.50"}]}`},
		{API: "funding.BuildTranches", Desc: "unknown milestone code", Call: buildTranches, Code: "enum",
			Input: `{"amount":"1000.00","schedule":[{"milestone":"halfway","share":"1.00"}]}`},

		// grade (xiyuan's national 1000-point sheets), grade annual,
		// grade standing, whatif
		{Kind: "grade", Desc: "score above the item's maximum",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"legal_person","points":"999"}]}`},
		{Kind: "grade", Desc: "score below zero",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"legal_person","points":"-5"}]}`},
		{Kind: "grade", Desc: "unknown indicator",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"charm","points":"5"}]}`},
		{Kind: "grade", Desc: "one item scored twice",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"legal_person","points":"5"},{"item":"legal_person","points":"6"}]}`},
		{Kind: "grade", Desc: "a sheet scoring 1 of its items (never totalled with zeros)", Code: "required",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[{"item":"legal_person","points":"25"}]}`},
		{Kind: "grade", Desc: "item without points, no count of party members", Code: "required",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","scores":[{"item":"legal_person"}]}`},
		{Kind: "grade", Desc: "negative count of party members", Code: "gte",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":-1,"scores":[]}`},
		{Kind: "grade", Desc: "unknown legal form code", Code: "enum",
			Input: `{"org":"o","legal_form":"club","party_form":"liaison","formal_party_members":0,"scores":[]}`},
		{Kind: "grade", Desc: "unknown institutional system code",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[],"systems":["magic"]}`},
		{Kind: "grade", Desc: "negative bonus",
			Input: `{"org":"o","legal_form":"social_group","party_form":"liaison","formal_party_members":0,"scores":[],"bonus":"-10"}`},
		{Kind: "grade annual", Desc: "score over 100",
			Input: annual(2023, "experts", "projects", "120")},
		{Kind: "grade annual", Desc: "unknown dimension",
			Input: annual(2023, "experts", "charm", "80")},
		{Kind: "grade annual", Desc: "unknown rater group",
			Input: annual(2023, "neighbours", "projects", "80")},
		{Kind: "grade annual", Desc: "year out of range", Code: "gte",
			Input: annual(1999, "experts", "projects", "80")},
		{Kind: "grade standing", Desc: "unknown grade code", Code: "enum",
			Input: `{"org":"o","registered":"2012-03-01","award":{"grade":"6A","announced":"2026-04-20"}}`},
		{Kind: "grade standing", Desc: "unknown inspection result code", Code: "enum",
			Input: `{"org":"o","registered":"2012-03-01","award":{"grade":"4A","announced":"2026-04-20"},"inspections":[{"year":2026,"result":"great","concluded":"2027-05-31"}]}`},
		{Kind: "grade standing", Desc: "dates out of order: award announced before registration",
			Input: `{"org":"o","registered":"2012-03-01","award":{"grade":"4A","announced":"2010-04-20"}}`},
		{Kind: "grade standing", Desc: "registered after the date asked about", Code: "after_date",
			Input: `{"org":"o","registered":"2099-03-01"}`},
		{Kind: "grade standing", Desc: "inspection concluded in the year it inspects",
			Input: `{"org":"o","registered":"2012-03-01","award":{"grade":"4A","announced":"2026-04-20"},"inspections":[{"year":2026,"result":"passed","concluded":"2026-05-31"}]}`},
		{Kind: "whatif", Desc: "band table with a gap in the alternative parameters",
			Input: `{"alt_params":` + jsonString(paramFileFor("grading", "kaixuan", "level.bands", `[{grade: 5A, lower: {points: "90", inclusive: false}}, {grade: 4A, lower: {points: "85", inclusive: false}, upper: {points: "90", inclusive: true}}, {grade: 3A, lower: {points: "70", inclusive: false}, upper: {points: "80", inclusive: true}}]`)) + `,"sheets":[{"org":"o","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[]}]}`},
		{Kind: "whatif", Desc: "band table with an overlap in the alternative parameters",
			Input: `{"alt_params":` + jsonString(paramFileFor("grading", "kaixuan", "level.bands", `[{grade: 5A, lower: {points: "85", inclusive: false}}, {grade: 4A, lower: {points: "80", inclusive: false}, upper: {points: "90", inclusive: true}}]`)) + `,"sheets":[{"org":"o","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[]}]}`},
		{Kind: "whatif", Desc: "float in the alternative parameters",
			Input: `{"alt_params":` + jsonString(paramFileFor("grading", "kaixuan", "party.weight_percent", `1.5`)) + `,"sheets":[{"org":"o","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[]}]}`},
		{Kind: "whatif", Desc: "alias inside its own anchor in the alternative parameters", Code: "alias_cycle",
			Input: `{"alt_params":` + jsonString(paramFileFor("grading", "kaixuan", "level.bands", `&a [*a, *a]`)) + `,"sheets":[{"org":"o","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[]}]}`},
		{Kind: "whatif", Desc: "a bad sheet among good ones",
			Input: `{"sheets":[{"org":"o","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[]},{"org":"p","legal_form":"community_org","party_form":"own_branch","formal_party_members":3,"scores":[{"item":"charm","points":"1"}]}]}`},
		{Kind: "whatif", Desc: "no sheets", Code: "min",
			Input: `{"sheets":[]}`},

		// the kinds of issue 18, item 6
		{Kind: "check governance", Desc: "unknown task code", Code: "enum",
			Input: `{"hub":"h","tasks":[{"task":"fundraising","assignee":"hub"}],"functions":["voice"]}`},
		{Kind: "check governance", Desc: "unknown function code", Code: "enum",
			Input: `{"hub":"h","tasks":[],"functions":["lobbying"]}`},
		{Kind: "check governance", Desc: "board term starting after the evaluation date (2024-06-30)", Code: "order",
			Input: `{"hub":"h","tasks":[],"functions":[],"board":{"term_started":"2025-01-01"}}`},
		{Kind: "check governance", Desc: "missing tasks and functions", Code: "required",
			Input: `{"hub":"h"}`},
		{Kind: "check centre", Desc: "unknown legal form code", Code: "enum",
			Input: `{"runs_double_incubation":true,"legal_form":"company","office_m2":100,"fixed_office":true,"external_operator":false}`},
		{Kind: "check centre", Desc: "negative office area", Code: "gte",
			Input: `{"runs_double_incubation":true,"legal_form":"social_service_institution","office_m2":-1,"fixed_office":true,"external_operator":false}`},
		{Kind: "check day", Desc: "period ending before it starts", Code: "order",
			Input: `{"from":"2024-06-01","to":"2024-01-01","activities":[]}`},
		{Kind: "check day", Desc: "missing start of the period", Code: "required",
			Input: `{"to":"2024-06-30","activities":[]}`},
		{Kind: "check xiyuan", Desc: "missing posts and station", Code: "required",
			Input: `{"community":"c","bodies":[]}`},
		{Kind: "check xiyuan", Desc: "the same community body twice", Code: "duplicate",
			Input: `{"community":"c","posts":{"deputy_secretaries":[]},"station":{"social_worker_posts":1,"residents_committee_members":2,"community_orgs":1},"bodies":[{"body":"work_station","certified":1},{"body":"work_station","certified":2}]}`},
		{Kind: "fund support", Desc: "missing hub", Code: "required",
			Input: `{"transformed":"2016-01-01"}`},
		{Kind: "fund purchase", Desc: "evaluation step without its result", Code: "pass",
			Input: `{"contract":{"id":"c","service":"elderly","amount":"1000.00","approved":"2024-01-10"},"steps":[{"op":"midterm"}]}`},
		{Kind: "fund purchase", Desc: "unknown step code", Code: "enum",
			Input: `{"contract":{"id":"c","service":"elderly","amount":"1000.00","approved":"2024-01-10"},"steps":[{"op":"audit"}]}`},
		{Kind: "fund purchase", Desc: "release of a tranche the contract does not have", Code: "range",
			Input: `{"contract":{"id":"c","service":"elderly","amount":"1000.00","approved":"2024-01-10"},"steps":[{"op":"release","tranche":5,"date":"2024-02-01"}]}`},
		{Kind: "fund follow", Desc: "non-positive disbursement", Code: "gt",
			Input: `{"items":[{"id":"p","kind":"project"}],"disbursements":[{"id":"d","item":"p","amount":"0.00","date":"2024-03-01"}]}`},
		{Kind: "fund follow", Desc: "the same item twice", Code: "unique",
			Input: `{"items":[{"id":"p","kind":"project"},{"id":"p","kind":"post"}],"disbursements":[]}`},
		{Kind: "fund pay", Desc: "unknown post code", Code: "enum",
			Input: `{"worker":"w","post":"chief","years_of_service":1,"base":"1.00","performance":"0.00","technical":"0.00","post_allowance":"0.00","qualification":"0.00","last_year_average_wage":"0.00"}`},
		{Kind: "fund allowance", Desc: "one count given, the others left out (missing data, not zero)", Code: "required",
			Input: `{"junior":3}`},
		{Kind: "fund allowance", Desc: "negative count of certified workers", Code: "gte",
			Input: `{"junior":-1,"intermediate":0,"senior":0}`},
		{Kind: "fund start", Desc: "operation started after the evaluation date (2024-06-30)", Code: "order",
			Input: `{"org":"o","started":"2025-01-01","normal_operation":true,"already_granted":false,"fund_used":"0.00"}`},
		{Kind: "fund found", Desc: "missing foundation name", Code: "required",
			Input: `{"figures":{"founding":"100.00","directors":1,"raised":"0.00","projects":0}}`},
		{Kind: "grade stars", Desc: "unknown star indicator", Code: "unknown_item",
			Input: `{"org":"o","party_form":"own_branch","scores":[{"item":"charm","points":"1"}]}`},
		{Kind: "grade norms", Desc: "unknown norm code", Code: "unknown_norm",
			Input: `{"org":"o","met":["norm_building-99"]}`},
		{Kind: "incubate classify", Desc: "unknown maturity class", Code: "enum",
			Input: `{"org":"o","class":"adult"}`},
		{Kind: "incubate path", Desc: "unknown growth-path level", Code: "enum",
			Input: `{"org":"o","from":"pioneer_group","to":"federation"}`},

		// grading
		{API: "grading.Grader.Grade", Desc: "score above the item's maximum", Call: gradeSheet,
			Input: `{"org":"o","legal_form":"social_group","party_form":"own_branch","formal_party_members":3,"scores":[{"item":"annual_report","points":"25"}]}`},
		{API: "grading.Grader.Grade", Desc: "score below zero", Call: gradeSheet,
			Input: `{"org":"o","legal_form":"social_group","party_form":"own_branch","formal_party_members":3,"scores":[{"item":"annual_report","points":"-1"}]}`},
		{API: "grading.Grader.Grade", Desc: "unknown indicator", Call: gradeSheet,
			Input: `{"org":"o","legal_form":"social_group","party_form":"own_branch","formal_party_members":3,"scores":[{"item":"charm","points":"1"}]}`},
		{API: "grading.Grader.Grade", Desc: "points finer than a tenth", Call: gradeSheet, Code: "format",
			Input: `{"org":"o","legal_form":"social_group","party_form":"own_branch","formal_party_members":3,"scores":[{"item":"annual_report","points":"1.25"}]}`},
		{API: "grading.Grader.Grade", Desc: "unknown legal form code", Call: gradeSheet, Code: "enum",
			Input: `{"org":"o","legal_form":"club","party_form":"own_branch","formal_party_members":3,"scores":[]}`},
		{API: "grading.Resolve", Desc: "band table with a gap (80–85 has no grade)", Call: gradingOverlay,
			Input: paramFile("grading", "level.bands", `[{grade: 5A, lower: {points: "90", inclusive: false}}, {grade: 4A, lower: {points: "85", inclusive: false}, upper: {points: "90", inclusive: true}}, {grade: 3A, lower: {points: "70", inclusive: false}, upper: {points: "80", inclusive: true}}]`)},
		{API: "grading.Resolve", Desc: "band table with an overlap (85–90 in two grades)", Call: gradingOverlay,
			Input: paramFile("grading", "level.bands", `[{grade: 5A, lower: {points: "85", inclusive: false}}, {grade: 4A, lower: {points: "80", inclusive: false}, upper: {points: "90", inclusive: true}}]`)},
		{API: "grading.Resolve", Desc: "annual-assessment weights all zero", Call: gradingOverlay,
			Input: paramFile("grading", "annual.dimensions", `[{code: a, name: {zh: 甲, en: A}, weight: 0}, {code: b, name: {zh: 乙, en: B}, weight: 0}]`)},
		{API: "funding.Evaluator.Fee", Desc: "fee rate over 100 % in a parameter file", Call: fundingOverlay,
			Input: paramFile("funding", "fee.rate", `"1.20"`)},

		// parameter files
		{API: "hubrules.ParseParams", Desc: "value without a confidence", Call: parseParams,
			Input: "package: hub\nparameters:\n  form.branch_min_formal_members:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: national, from: 2018-10-28, value: 3, source: {document: 条例, clause: 第四条}}\n"},
		{API: "hubrules.ParseParams", Desc: "float amount", Call: parseParams,
			Input: "package: funding\nparameters:\n  fee.rate:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: national, from: 2018-01-01, value: 0.1, confidence: illustrative, source: {document: 示例, clause: 一}}\n"},
		{API: "hubrules.ParseParams", Desc: "unknown programme code", Call: parseParams,
			Input: "package: hub\nparameters:\n  form.branch_min_formal_members:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: atlantis, from: 2018-10-28, value: 3, confidence: verified, source: {document: 条例, clause: 第四条}}\n"},
		{API: "hubrules.ParseParams", Desc: "float tag on a quoted amount", Call: parseParams, Code: "float",
			Input: paramFile("funding", "fee.rate", `!!float "0.10"`)},
		{API: "hubrules.ParseParams", Desc: "alias inside its own anchor (a cycle)", Call: parseParams, Code: "alias_cycle",
			Input: paramFile("funding", "fee.rate", `&a [*a, *a]`)},
		{API: "hubrules.ParseParams", Desc: "nested aliases expanding to billions of nodes", Call: parseParams, Code: "max_alias_nodes",
			Input: paramFile("funding", "fee.rate", aliasBomb)},
		{API: "hubrules.ParseParams", Desc: "aliases expanding to more than 1 MiB of text", Call: parseParams, Code: "max_alias_bytes",
			Input: paramFile("funding", "fee.rate", `[&s "`+strings.Repeat("x", 300)+`", &t [*s, *s, *s, *s, *s, *s, *s, *s], &u [*t, *t, *t, *t, *t, *t, *t, *t], &v [*u, *u, *u, *u, *u, *u, *u, *u], [*v, *v, *v, *v, *v, *v, *v, *v]]`)},
		{API: "hubrules.ParseParams", Desc: "dated values that go back in time", Call: parseParams, Code: "order",
			Input: "package: hub\nparameters:\n  form.own_branch_min_formal:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: national, from: 2017-10-24, value: 3, confidence: verified, source: {document: 党章, clause: 第三十条}}\n      - {programme: national, from: 2012-11-14, value: 3, confidence: verified, source: {document: 党章, clause: 第二十九条}}\n"},
		{API: "hubrules.ParseParams", Desc: "two values of one programme on one date", Call: parseParams, Code: "duplicate",
			Input: "package: hub\nparameters:\n  form.own_branch_min_formal:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: national, from: 2017-10-24, value: 3, confidence: verified, source: {document: 党章, clause: 第三十条}}\n      - {programme: national, from: 2017-10-24, value: 4, confidence: verified, source: {document: 党章, clause: 第三十条}}\n"},
		{API: "hubrules.ParseParams", Desc: "malformed date", Call: parseParams,
			Input: "package: hub\nparameters:\n  form.branch_min_formal_members:\n    description: {zh: 说明, en: description}\n    values:\n      - {programme: national, from: 2018-13-01, value: 3, confidence: verified, source: {document: 条例, clause: 第四条}}\n"},
	}
	// Every registered kind, including kinds added later: malformed JSON,
	// a wrong top-level type and an unknown field.
	for _, k := range kinds.All() {
		cases = append(cases,
			badCase{Kind: k.Name, Desc: "malformed JSON", Input: `{"a":`, Whole: true, Code: "syntax"},
			badCase{Kind: k.Name, Desc: "wrong type: an array for the object", Input: `[1,2]`, Whole: true, Code: "type"},
			badCase{Kind: k.Name, Desc: "unknown field", Input: `{"no_such_field":1}`},
		)
	}
	return append(cases, serviceCases()...)
}

// pathLost is the defect of hubrules.DecodeJSON with a type's own
// UnmarshalJSON or UnmarshalText (funding.Money, hubrules.Points): their
// *InputError comes back wrapped in a field with no path, code "invalid",
// and a message that repeats "输入无效 invalid input".
// annual is a grade annual input with one rating of all four dimensions,
// the one named scored pts (a dimension not among the four replaces
// satisfaction).
func annual(year int, group, dim, pts string) string {
	dims := []string{"independent_operation", "party_building", "projects", "satisfaction"}
	known := false
	for _, d := range dims {
		known = known || d == dim
	}
	if !known {
		dims[3] = dim
	}
	var scores []string
	for _, d := range dims {
		p := "80"
		if d == dim {
			p = pts
		}
		scores = append(scores, `{"dimension":"`+d+`","points":"`+p+`"}`)
	}
	return `{"org":"o","year":` + strconv.Itoa(year) + `,"ratings":[{"group":"` + group + `","scores":[` + strings.Join(scores, ",") + `]}]}`
}

// aliasBomb is a billion laughs: nine levels of nine aliases each.
var aliasBomb = func() string {
	levels := []string{`&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]`}
	for i := 1; i < 9; i++ {
		prev := "*" + string(rune('a'+i-1))
		levels = append(levels, "&"+string(rune('a'+i))+" ["+strings.TrimSuffix(strings.Repeat(prev+", ", 9), ", ")+"]")
	}
	return "[" + strings.Join(levels, ", ") + "]"
}()

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func parseParams(data []byte) error {
	_, err := hubrules.ParseParams(data)
	return err
}

// run evaluates one case and returns its error.
func (c badCase) run(t testing.TB) (err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			err = &panicError{value: r}
		}
	}()
	if c.Call != nil {
		return c.Call([]byte(c.Input))
	}
	k, ok := kinds.Lookup(c.Kind)
	require.True(t, ok, "kind %q is not registered", c.Kind)
	_, err = evaluate(k, envFor(k.Name), []byte(c.Input))
	return err
}

type caseResult struct {
	c   badCase
	err *hubrules.InputError
}

func TestBadInputs_AreInputErrorsNamingTheField(t *testing.T) {
	var results []caseResult
	for _, c := range badCases(t) {
		t.Run(c.entry()+"/"+c.Desc, func(t *testing.T) {
			err := c.run(t)
			require.Error(t, err, "accepted: %s", c.Input)
			var pe *panicError
			require.False(t, errors.As(err, &pe), "%v", err)
			var ie *hubrules.InputError
			require.True(t, errors.As(err, &ie), "not an *hubrules.InputError: %T %v", err, err)
			assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
			require.NotEmpty(t, ie.Fields)
			codes := []string{}
			for _, f := range ie.Fields {
				codes = append(codes, f.Code)
				assert.NotEmpty(t, f.Code, "code")
				assert.NotEmpty(t, f.Message.ZH, "zh message")
				assert.NotEmpty(t, f.Message.EN, "en message")
				if !c.Whole && c.Bug == "" && f.Code != "too_many_errors" { // the count of those not listed has no field
					assert.NotEmpty(t, f.Path, "a field is to blame: %+v", f)
				}
			}
			if c.Code != "" {
				assert.Contains(t, codes, c.Code)
			}
			results = append(results, caseResult{c: c, err: ie})
		})
	}
	if t.Failed() {
		return
	}
	// Every registered kind has a row besides the generic ones.
	specific := map[string]bool{}
	for _, r := range results {
		if r.c.Kind != "" && r.c.Desc != "malformed JSON" && !strings.HasPrefix(r.c.Desc, "wrong type: an array") && r.c.Desc != "unknown field" {
			specific[r.c.Kind] = true
		}
	}
	var bare []string
	for _, k := range kinds.All() {
		if !specific[k.Name] {
			bare = append(bare, k.Name)
		}
	}
	// Kinds without rows of their own are listed in the document too.
	doc := renderCatalogue(results, bare)
	path := filepath.Join("..", "..", "docs", "bad-input.md")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, doc, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run: go test ./internal/reliability -update")
	if !bytes.Equal(want, doc) {
		t.Errorf("docs/bad-input.md is out of date; run: go test ./internal/reliability -run TestBadInputs -update")
	}
}

func renderCatalogue(results []caseResult, bare []string) []byte {
	var b strings.Builder
	b.WriteString("# Bad input catalogue / 错误输入目录\n\n")
	b.WriteString("<!-- Generated by internal/reliability (go test ./internal/reliability -update). Do not edit. -->\n\n")
	b.WriteString("What the library answers to malformed input. Every row was decoded and evaluated by the test that writes this file, ")
	b.WriteString("through the registry of evaluation kinds (what `hubrules <kind>` and the scenario files run) or, where no kind reaches it, ")
	b.WriteString("the Go entry point named. Each answer is an `*hubrules.InputError` (`errors.Is(err, hubrules.ErrInvalidInput)`), ")
	b.WriteString("listing every bad field by JSON path with a stable code and a message in Chinese and English. ")
	b.WriteString("Well-formed input that breaks a policy is never here: that is a finding in the result.\n\n")
	b.WriteString("Kinds are evaluated with the programme and date of their CLI sample (cmd/hubrules/main_test.go); ")
	b.WriteString("parameter files and the grading API use national or lujiazui on 2024-06-30. ")
	b.WriteString("Mistakes of the command line itself (a missing flag, a negative limit, an endless file, an over-long JSON Lines line) are in [bad-input-cli.md](bad-input-cli.md).\n\n")
	if len(bare) > 0 {
		b.WriteString("Kinds with only the generic rows (malformed JSON, wrong type, unknown field): " + strings.Join(bare, ", ") + ".\n\n")
	}
	// Group by entry, in the order kinds then Go APIs, each alphabetically.
	groups := map[string][]caseResult{}
	var order []string
	for _, r := range results {
		e := r.c.entry()
		if _, ok := groups[e]; !ok {
			order = append(order, e)
		}
		groups[e] = append(groups[e], r)
	}
	sort.SliceStable(order, func(i, j int) bool {
		ki, kj := groups[order[i]][0].c.Kind != "", groups[order[j]][0].c.Kind != ""
		if ki != kj {
			return ki
		}
		return order[i] < order[j]
	})
	for _, e := range order {
		rs := groups[e]
		if rs[0].c.Kind != "" {
			b.WriteString("## `hubrules " + e + "`\n\n")
		} else if e == serveAPI {
			b.WriteString("## `" + e + "` (HTTP)\n\n")
			b.WriteString("Each row's input is the request as sent: method, target, content type, body. Its fields are those of the `application/problem+json` answer (the status is in the case), or of a stream line's in-line error record.\n\n")
		} else {
			b.WriteString("## `" + e + "` (Go API)\n\n")
		}
		b.WriteString("| case | input | code | path | 中文 | English |\n|---|---|---|---|---|---|\n")
		for _, r := range rs {
			in := strings.ToValidUTF8(r.c.Input, `\xff`) // the document stays UTF-8
			if r.c.Call == nil || json.Valid([]byte(in)) {
				var cb bytes.Buffer
				if json.Compact(&cb, []byte(in)) == nil {
					in = cb.String()
				}
			}
			for i, f := range r.err.Fields {
				if n := len(r.err.Fields); n > 6 && i >= 3 && i < n-1 {
					if i == 3 {
						b.WriteString("| | | … | … | （另 " + strconv.Itoa(n-4) + " 行） | (" + strconv.Itoa(n-4) + " more rows) |\n")
					}
					continue
				}
				caseCell, inCell := "", ""
				if i == 0 {
					caseCell, inCell = r.c.Desc, "`"+cell(in)+"`"
				}
				path := "—"
				if f.Path != "" {
					path = "`" + cell(f.Path) + "`"
				}
				if i == 0 && r.c.Bug != "" {
					caseCell += " ⚠ known bug: " + r.c.Bug
				}
				b.WriteString("| " + cell(caseCell) + " | " + inCell + " | `" + cell(f.Code) + "` | " + path + " | " + cell(f.Message.ZH) + " | " + cell(f.Message.EN) + " |\n")
			}
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// cell makes s fit one Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\n", "⏎")
	return s
}

// An input with thousands of bad items gives MaxProblems fields and an
// exact count of the rest, whichever check finds them: the validation tags
// (bodies) or a package's own checks (members, without reflection).
func TestErrorLists_AreBoundedAndCounted(t *testing.T) {
	cases := []struct {
		kind, item string
		perItem    int
	}{
		{"check coverage", `{"id":"a","form":"none","formal_members":1,"cross_appointed":true}`, 1},
		{"check structure", `{"id":"x","kind":"cell","formal_members":-1,"committee_size":-1}`, 3},
	}
	for _, c := range cases {
		k, ok := kinds.Lookup(c.kind)
		require.True(t, ok)
		const n = 3000
		field := "members"
		if c.kind == "check structure" {
			field = "bodies"
		}
		doc := `{"hub":"h","` + field + `":[` + strings.TrimSuffix(strings.Repeat(c.item+",", n), ",") + `]}`
		_, err := evaluate(k, envFor(k.Name), []byte(doc))
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie, c.kind)
		require.Len(t, ie.Fields, hubrules.MaxProblems+1, c.kind)
		last := ie.Fields[hubrules.MaxProblems]
		assert.Equal(t, "too_many_errors", last.Code, c.kind)
		assert.Equal(t, strconv.Itoa(n*c.perItem-hubrules.MaxProblems), last.Param, c.kind)
	}
}
