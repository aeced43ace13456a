package hubrules_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type member struct {
	ID            string             `json:"id" validate:"required,max=64"`
	FormalMembers int                `json:"formal_members" validate:"gte=0"`
	Form          hubrules.PartyForm `json:"form" validate:"enum"`
	Registered    hubrules.Date      `json:"registered" validate:"required"`
}

type hubInput struct {
	Programme hubrules.Programme `json:"programme" validate:"enum"`
	Members   []member           `json:"members" validate:"max=3,dive"`
}

func TestValidate_NamesEveryBadFieldByJSONPathInBothLanguages(t *testing.T) {
	in := hubInput{Programme: "shenzhen", Members: []member{
		{ID: "a", FormalMembers: 3, Form: hubrules.OwnBranch, Registered: hubrules.MustParseDate("2020-01-01")},
		{ID: "", FormalMembers: -1, Form: "cell", Registered: hubrules.Date{}},
	}}
	err := hubrules.Validate(in)
	require.ErrorIs(t, err, hubrules.ErrInvalidInput)
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	got := map[string]string{}
	for _, f := range ie.Fields {
		got[f.Path] = f.Code
		assert.NotEmpty(t, f.Message.ZH, f.Path)
		assert.NotEmpty(t, f.Message.EN, f.Path)
		assert.NotEqual(t, f.Message.ZH, f.Message.EN, f.Path)
	}
	assert.Equal(t, map[string]string{
		"programme":                 "enum",
		"members[1].id":             "required",
		"members[1].formal_members": "gte",
		"members[1].form":           "enum",
		"members[1].registered":     "required",
	}, got)
	f, _ := ie.Field("members[1].form")
	assert.Equal(t, "cell", f.Value)
	assert.Contains(t, f.Message.EN, "unknown code cell")
	assert.Contains(t, f.Message.ZH, "不是已知的代码")
	f, _ = ie.Field("members[1].formal_members")
	assert.Contains(t, f.Message.ZH, "formal_members必须大于或等于0")
	assert.Contains(t, ie.Error(), "输入无效 invalid input")
	assert.Len(t, ie.Messages(hubrules.EN), 5)
	assert.NoError(t, hubrules.Validate(hubInput{Programme: hubrules.Kaixuan}))
}

func TestDecodeJSON_ErrorsNameTheField(t *testing.T) {
	cases := []struct {
		name, json, path, code string
	}{
		{"syntax", `{`, "", "syntax"},
		{"empty", ``, "", "syntax"},
		{"wrong type", `{"members":[{"id":"a","formal_members":"three"}]}`, "members[0].formal_members", "type"},
		{"wrong type in the third element", `{"members":[{"id":"a","formal_members":1},{"id":"b","formal_members":2},{"id":"c","formal_members":true}]}`, "members[2].formal_members", "type"},
		{"an object for a number", `{"members":[{"id":"a"},{"id":"b","formal_members":{"n":[1,{"x":2}]}}]}`, "members[1].formal_members", "type"},
		{"an array for the list's element", `{"members":[[1,2]]}`, "members[0]", "type"},
		{"unknown field", `{"programme":"kaixuan","colour":"red"}`, "colour", "unknown_field"},
		{"unknown field in an element", `{"programme":"kaixuan","members":[{"id":"a"},{"id":"b","colour":"red"}]}`, "members[1].colour", "unknown_field"},
		{"trailing data", `{"programme":"kaixuan"} {}`, "", "syntax"},
		{"bad date", `{"members":[{"id":"a","form":"none","registered":"2026-13-01"}]}`, "members[0].registered", "date"},
		{"bad date after null and good ones", `{"programme":"kaixuan","members":[{"registered":"2026-01-01"},{"registered":null},{"registered":"2026-02-30"}]}`, "members[2].registered", "date"},
		{"validation after decoding", `{"programme":"kaixuan","members":[{"id":"a","form":"none","formal_members":-2,"registered":"2026-01-01"}]}`, "members[0].formal_members", "gte"},
		{"too many members", `{"programme":"kaixuan","members":[` + strings.Repeat(`{"id":"a","form":"none","registered":"2026-01-01"},`, 3) + `{"id":"a","form":"none","registered":"2026-01-01"}]}`, "members", "max"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var in hubInput
			err := hubrules.DecodeJSON([]byte(c.json), &in)
			var ie *hubrules.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, c.path, ie.Fields[0].Path)
			assert.Equal(t, c.code, ie.Fields[0].Code)
			assert.NotEmpty(t, ie.Fields[0].Message.ZH)
			assert.NotEmpty(t, ie.Fields[0].Message.EN)
		})
	}
	// A null composite before the failing value.
	var doc fuzzDoc
	err := hubrules.DecodeJSON([]byte(`{"members":null,"nested":[null,[{"registered":"2026-01-01"},{"registered":"2026-02-30"}]]}`), &doc)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "nested[1][1].registered", ie.Fields[0].Path)
	var in hubInput
	require.NoError(t, hubrules.DecodeJSON([]byte(`{"programme":"wuliqiao","members":[{"id":"m1","formal_members":3,"form":"own_branch","registered":"2019-05-06"}]}`), &in))
	assert.Equal(t, "2019-05-06", in.Members[0].Registered.String())
}

func TestDecodeJSONLimited_RefusesOversizeAndDeepDocuments(t *testing.T) {
	var v map[string]any
	err := hubrules.DecodeJSONLimited([]byte(`{"a":"`+strings.Repeat("x", 100)+`"}`), &v, hubrules.Limits{MaxBytes: 50})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
	deep := strings.Repeat("[", 33) + strings.Repeat("]", 33)
	var w any
	err = hubrules.DecodeJSONLimited([]byte(deep), &w, hubrules.DefaultLimits())
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_depth", ie.Fields[0].Code)
	ok := strings.Repeat("[", 32) + strings.Repeat("]", 32)
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(ok), &w, hubrules.DefaultLimits()))
	assert.NoError(t, hubrules.DecodeJSONLimited([]byte(`["[[[[", "\"{{{{"]`), &w, hubrules.Limits{MaxDepth: 1}), "brackets inside strings do not count")
}

func TestProblems_CollectAndMerge(t *testing.T) {
	var p hubrules.Problems
	assert.NoError(t, p.Err())
	p.Add("events[2].date", "order", "2026-01-01", hubrules.T("日期早于前一事件", "date before the previous event"))
	p.Merge("members[1]", hubrules.NewInputError(hubrules.FieldError{Path: "form", Code: "enum", Message: hubrules.T("甲", "a")}))
	p.Merge("members[2]", hubrules.NewInputError(hubrules.FieldError{Path: "[0]", Code: "x", Message: hubrules.T("乙", "b")}))
	p.Merge("root", errors.New("plain"))
	p.Merge("nothing", nil)
	require.Equal(t, 4, p.Len())
	var ie *hubrules.InputError
	require.ErrorAs(t, p.Err(), &ie)
	assert.Equal(t, []string{"events[2].date", "members[1].form", "members[2][0]", "root"},
		[]string{ie.Fields[0].Path, ie.Fields[1].Path, ie.Fields[2].Path, ie.Fields[3].Path})
	assert.Equal(t, "members[7]", hubrules.Index("members", 7))
	assert.Equal(t, "a.b", hubrules.JoinPath("a", "b"))
	assert.Equal(t, "b", hubrules.JoinPath("", "b"))
	assert.Equal(t, "a", hubrules.JoinPath("a", ""))
}

func TestProgramme_ParseAndNames(t *testing.T) {
	for _, p := range hubrules.Programmes() {
		got, err := hubrules.ParseProgramme("programme", string(p))
		require.NoError(t, err)
		assert.Equal(t, p, got)
		assert.NotContains(t, p.Name().ZH, "未知")
	}
	_, err := hubrules.ParseProgramme("input.programme", "beijing")
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "input.programme", ie.Fields[0].Path)
	assert.Contains(t, ie.Fields[0].Message.EN, "unknown programme")
	assert.Contains(t, hubrules.Programme("beijing").Name().EN, "unknown")
}

func TestEnums_CodesStrengthAndGrades(t *testing.T) {
	assert.True(t, hubrules.OwnBranch.Meets(hubrules.JointBranch))
	assert.True(t, hubrules.ActivityBranch.Meets(hubrules.JointBranch))
	assert.False(t, hubrules.Liaison.Meets(hubrules.JointBranch))
	assert.False(t, hubrules.JointBranch.Meets(hubrules.OwnBranch))
	assert.True(t, hubrules.ActivityBranch.OrganizationalCoverage())
	assert.False(t, hubrules.Liaison.OrganizationalCoverage())
	assert.True(t, hubrules.Liaison.WorkCoverage())
	assert.False(t, hubrules.NoPartyForm.WorkCoverage())
	assert.False(t, hubrules.PartyForm("cell").Valid())
	for _, f := range []hubrules.PartyForm{hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm} {
		assert.True(t, f.Valid())
		assert.NotContains(t, f.Name().ZH, "未知")
	}
	for _, f := range []hubrules.LegalForm{hubrules.SocialGroup, hubrules.SocialServiceInstitution, hubrules.Foundation, hubrules.CommunityOrg} {
		assert.True(t, f.Valid())
		assert.NotContains(t, f.Name().ZH, "未知")
	}
	assert.False(t, hubrules.LegalForm("company").Valid())
	assert.Equal(t, hubrules.Grade3A, hubrules.Grade4A.Down(1))
	assert.Equal(t, hubrules.NoGrade, hubrules.Grade1A.Down(1))
	assert.True(t, hubrules.Grade5A.AtLeast(hubrules.Grade3A))
	assert.False(t, hubrules.NoGrade.AtLeast(hubrules.Grade1A))
	assert.True(t, hubrules.NoGrade.Valid())
	assert.False(t, hubrules.Grade("6A").Valid())
	assert.Equal(t, "3A级", hubrules.Grade3A.Name().ZH)
	assert.Equal(t, hubrules.NoGrade, hubrules.GradeOfRank(6))
	assert.Equal(t, hubrules.EN, hubrules.ParseLang("en-US"))
	assert.Equal(t, hubrules.ZH, hubrules.ParseLang("fr"))
	assert.Equal(t, "中", hubrules.T("中", "").In(hubrules.EN), "missing English falls back to Chinese")
}

func TestReport_OutcomesAndRendering(t *testing.T) {
	r := hubrules.Report{
		Basis: hubrules.Basis{Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2026-11-21"), Effective: hubrules.MustParseDate("2021-12-15")},
		Checks: []hubrules.Check{
			{Rule: "SYNC-1", Outcome: hubrules.Pass},
			{Rule: "SYNC-4", Subject: "2025", Outcome: hubrules.Pass},
			{Rule: "SYNC-4", Subject: "2026", Outcome: hubrules.Fail},
			{Rule: "SYNC-5", Outcome: hubrules.NotApplicable},
		},
		Findings: []hubrules.Finding{
			{Rule: "SYNC-4", Severity: hubrules.Violation, Subject: "org-7", Message: hubrules.T("年报缺党建部分", "annual report lacks the party-building section"), Facts: []hubrules.Fact{{Name: "year", Value: "2026"}}},
			{Rule: "HUB-BOARD-01", Severity: hubrules.Warning, Message: hubrules.T("理事会即将届满", "board term ends soon")},
			{Rule: "SYNC-4", Severity: hubrules.Violation, Message: hubrules.T("再次", "again")},
		},
	}
	assert.False(t, r.Compliant())
	assert.Equal(t, []string{"SYNC-4"}, r.FailedRules())
	assert.Len(t, r.FindingsFor("SYNC-4"), 2)
	assert.Equal(t, hubrules.Fail, r.Outcome("SYNC-4"))
	assert.Equal(t, hubrules.Pass, r.Outcome("SYNC-1"))
	assert.Equal(t, hubrules.NotApplicable, r.Outcome("SYNC-5"))
	assert.Equal(t, hubrules.Outcome(""), r.Outcome("SYNC-6"))
	en := r.Describe(hubrules.EN)
	assert.Contains(t, en, "checks: 2 passed, 1 failed, 1 not applicable")
	// hub, linked into this test, registers SYNC-4's citation: the line
	// starts "[SYNC-4 per …]".
	assert.Contains(t, en, "[SYNC-4")
	assert.Contains(t, en, "] org-7: annual report lacks the party-building section (year=2026)")
	assert.Contains(t, r.Describe(hubrules.ZH), "检查：2 项通过，1 项未通过，1 项不适用")
	r.Findings = r.Findings[1:2]
	assert.True(t, r.Compliant(), "a warning alone is compliant")
}

func TestCatalogue_JoinAndLookup(t *testing.T) {
	c := hubrules.Join(hubrules.Catalogue{{ID: "SYNC-1"}}, hubrules.Catalogue{{ID: "HUB-FORM-01", Source: hubrules.Source{Document: "党章", Clause: "第三十条"}}})
	assert.Equal(t, "HUB-FORM-01", c[0].ID)
	r, ok := c.Lookup("HUB-FORM-01")
	require.True(t, ok)
	assert.Equal(t, "党章第三十条", r.Source.String(), "the first source format is still read")
	_, ok = c.Lookup("X")
	assert.False(t, ok)
	assert.Equal(t, "党章", hubrules.Source{Document: "党章"}.String())
}

func TestValidate_NeverEchoesPersonalOrLongValues(t *testing.T) {
	type facts struct {
		Leader string `json:"leader" validate:"max=10" hubrules:"personal"`
		Code   string `json:"code" validate:"max=10"`
	}
	type req struct {
		Facts facts `json:"facts"`
	}
	err := hubrules.Validate(req{Facts: facts{Leader: "张三 身份证110101199001011234", Code: strings.Repeat("中", 40)}})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f, ok := ie.Field("facts.leader")
	require.True(t, ok)
	assert.Empty(t, f.Value, "a personal value is never echoed")
	assert.NotContains(t, ie.Error(), "110101199001011234")
	f, ok = ie.Field("facts.code")
	require.True(t, ok)
	assert.LessOrEqual(t, len(f.Value), 64)
	assert.True(t, utf8.ValidString(f.Value), "cut on a character boundary")

	var in struct {
		On hubrules.Date `json:"on"`
	}
	err = hubrules.DecodeJSON([]byte(`{"on":"`+strings.Repeat("9", 500)+`"}`), &in)
	require.ErrorAs(t, err, &ie)
	assert.LessOrEqual(t, len(ie.Error()), 300, "the error does not echo a long input")
	err = hubrules.DecodeJSON([]byte(`{"`+strings.Repeat("k", 500)+`":1}`), &in)
	require.ErrorAs(t, err, &ie)
	assert.LessOrEqual(t, len(ie.Error()), 400)
}

func TestPartyForm_IndexFollowsPartyForms(t *testing.T) {
	for i, f := range hubrules.PartyForms() {
		assert.Equal(t, i, f.Index())
	}
	assert.Equal(t, -1, hubrules.PartyForm("cell").Index())
}

// fuzzDoc has the shapes the walk behind DecodeJSON's error paths follows:
// nested lists and objects, a map, a pointer, an embedded struct, a type
// with its own JSON form and an untyped value.
type fuzzDoc struct {
	fuzzEmbedded
	Members []member              `json:"members"`
	Nested  [][]member            `json:"nested"`
	ByName  map[string]member     `json:"by_name"`
	Ptr     *member               `json:"ptr"`
	Any     any                   `json:"any"`
	Dates   []hubrules.Date       `json:"dates"`
	Skip    int                   `json:"-"`
	Counts  map[string][]int      `json:"counts"`
	Fixed   [2]hubrules.Programme `json:"fixed"`
}

type fuzzEmbedded struct {
	Note string `json:"note"`
}

// fuzzBound is how long one fuzz input may take to decode: the fuzzer has
// no per-input timeout, so the targets time each input themselves. It is
// generous (inputs take microseconds) so that a loaded machine does not
// fail the run, and still catches a quadratic or exponential path.
const fuzzBound = 2 * time.Second

// FuzzDecodeJSON: any document decodes or gives an InputError naming at
// least one field, and the walk that adds indexes to the paths of decoding
// errors never panics or loops, whatever the document.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"members":[{"id":"a"},{"id":"b","formal_members":"x"}]}`))
	f.Add([]byte(`{"nested":[[{"id":"a"}],[{"colour":1}]]}`))
	f.Add([]byte(`{"by_name":{"k":{"registered":"2026-02-30"}},"note":1}`))
	f.Add([]byte(`{"ptr":{"form":["x"]},"any":{"deep":[1,2,{"x":null}]}}`))
	f.Add([]byte(`{"dates":["2026-01-01",null,"bad"],"fixed":["a","b","c"],"counts":{"a":[1,"2"]}}`))
	f.Add([]byte(`{"Members":[{"ID":"a","Formal_Members":true}],"Skip":1}`))
	f.Add([]byte(`{"note":"a","note":"b","members":[{"id":"x","id":"y"}]}`))
	f.Add([]byte("{\"note\":\"\xff\",\"any\":\"\\ud800\"}"))
	f.Add([]byte(`{"members":[{"formal_members":99999999999999999999},{"formal_members":-1e999}]}`))
	f.Add([]byte(strings.Repeat(`{"any":`, 40) + "1" + strings.Repeat("}", 40)))
	f.Add([]byte(strings.Repeat("[", 20000)))
	f.Add([]byte(`{"members":[` + strings.Repeat(`{"id":"","formal_members":-1},`, 300) + `{}]}`))
	f.Add([]byte(`{"counts":{` + strings.Repeat(`"k":[1],`, 40) + `"k":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var v fuzzDoc
		start := time.Now()
		err := hubrules.DecodeJSON(data, &v)
		if d := time.Since(start); d > fuzzBound {
			t.Fatalf("decoding %d bytes took %v (bound %v)", len(data), d, fuzzBound)
		}
		if err == nil {
			return
		}
		var ie *hubrules.InputError
		if !errors.As(err, &ie) || len(ie.Fields) == 0 {
			t.Fatalf("not an InputError with fields: %v", err)
		}
		if len(ie.Fields) > hubrules.MaxProblems+1 {
			t.Fatalf("%d fields: the list is not bounded", len(ie.Fields))
		}
	})
}

// Limits are written as the tag writes them, not grouped by thousands
// ("2000", not "2,000": a year), in both languages.
func TestValidate_LimitsAreNotGrouped(t *testing.T) {
	type in struct {
		Year  int    `json:"year" validate:"gte=2000,lte=2100"`
		Count int    `json:"count" validate:"lte=1000000"`
		Name  string `json:"name" validate:"max=10"`
	}
	err := hubrules.Validate(in{Year: 1999, Count: 2000000, Name: "0123456789x"})
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 3)
	for _, f := range ie.Fields {
		assert.NotContains(t, f.Message.ZH, ",", f.Path)
		assert.NotContains(t, f.Message.EN, ",", f.Path)
	}
	assert.Contains(t, ie.Fields[0].Message.ZH, "2000")
	assert.Contains(t, ie.Fields[0].Message.EN, "2000")
	assert.Contains(t, ie.Fields[1].Message.EN, "1000000")
}

// A long list of plain values gives the paths and messages of a short one,
// and the errors past MaxProblems are counted, not listed.
func TestValidate_LongListsOfPlainValuesAreCountedPastTheCap(t *testing.T) {
	type body struct {
		Units []string `json:"units" validate:"dive,required,max=3"`
	}
	short := body{Units: []string{"", "abcd"}}
	long := body{Units: make([]string, hubrules.MaxProblems*3)}
	long.Units[1] = "abcd"
	long.Units[2] = "汉字汉" // three characters: within max=3, as validator counts
	var se, le *hubrules.InputError
	require.ErrorAs(t, hubrules.Validate(short), &se)
	require.ErrorAs(t, hubrules.Validate(long), &le)
	require.Len(t, se.Fields, 2)
	assert.Equal(t, se.Fields, le.Fields[:2], "the same fields as validator's own, in its order")
	require.Len(t, le.Fields, hubrules.MaxProblems+1)
	last := le.Fields[hubrules.MaxProblems]
	assert.Equal(t, "too_many_errors", last.Code)
	assert.Equal(t, "199", last.Param, "299 empty or long units, 100 listed")
}

// An unknown code names every valid one with its name, in both languages.
func TestValidate_EnumErrorListsTheCodes(t *testing.T) {
	var in struct {
		PartyForm hubrules.PartyForm `json:"party_form" validate:"enum"`
	}
	err := hubrules.DecodeJSON([]byte(`{"party_form":"cell"}`), &in)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f := ie.Fields[0]
	assert.Equal(t, "enum", f.Code)
	assert.Equal(t, "party_form的取值cell不是已知的代码；可用：own_branch（单独组建党支部）、"+
		"joint_branch（联合党支部）、activity_branch（活动型（功能型）党支部）、liaison（党建联络员/指导员）、none（无党组织）", f.Message.ZH)
	assert.Contains(t, f.Message.EN, "party_form has the unknown code cell; known codes: own_branch (own party branch), joint_branch")
	for _, c := range (hubrules.PartyForm("")).Codes() {
		assert.True(t, hubrules.PartyForm(c.Code).Valid(), c.Code)
	}
	assert.Equal(t, hubrules.T("联合党支部（joint_branch）", "joint_branch"), hubrules.Label(hubrules.JointBranch))
}

// A syntax error's Chinese message says what is wrong in Chinese, not in
// encoding/json's English.
func TestDecodeJSON_SyntaxErrorsInChinese(t *testing.T) {
	var v struct {
		A int `json:"a"`
	}
	for in, want := range map[string]string{
		`{"a":}`:   "JSON 语法错误（第 6 字节）：意外的字符 '}'，此处应为一个值",
		`{"a" 1}`:  "JSON 语法错误（第 6 字节）：意外的字符 '1'，键之后应为冒号",
		`{"a":1 2`: "JSON 语法错误（第 8 字节）：意外的字符 '2'，键值对之后应为逗号或 }",
	} {
		err := hubrules.DecodeJSON([]byte(in), &v)
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie, in)
		assert.Equal(t, want, ie.Fields[0].Message.ZH, in)
		assert.Contains(t, ie.Fields[0].Message.EN, "invalid character", in)
	}
}
