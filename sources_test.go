package hubrules_test

import (
	"github.com/hubrules/hubrules/internal/rulecat"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

func userFile(confidence, source string) []byte {
	return []byte(`package: hub
parameters:
  census.refresh_months:
    description: {zh: 更新周期}
    unit: months
    values:
      - programme: jingan
        from: 2020-01-01
        value: 6
        confidence: ` + confidence + `
        source: ` + source + "\n")
}

func warningCodes(s *hubrules.ParamSet) []string {
	var out []string
	for _, w := range s.Warnings() {
		out = append(out, w.Code)
	}
	return out
}

func TestParseParams_UnsupportedClaimsAreAcceptedWithWarnings(t *testing.T) {
	s, err := hubrules.ParseParams(userFile("verified", `{title: {zh: 某通知}, place: 上海市}`))
	require.NoError(t, err, "a verified value without an article is the user's choice")
	assert.Equal(t, []string{"verified_without_article"}, warningCodes(s))

	s, err = hubrules.ParseParams(userFile("secondary", `{title: {zh: 某通知}, article: 第三条, url: "http://www.mirror-site.example/fagui/9788.html"}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"unofficial_host"}, warningCodes(s))

	s, err = hubrules.ParseParams(userFile("secondary", `{title: {zh: 南京通知}, article: 第三条, place: 江苏省南京市}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"local_figure"}, warningCodes(s), "Nanjing's figure for jingan")

	s, err = hubrules.ParseParams(userFile("verified", `{title: {zh: 上海通知}, article: 第三条, place: 上海市, url: "https://www.shanghai.gov.cn/x.html"}`))
	require.NoError(t, err)
	assert.Empty(t, s.Warnings())
	assert.Len(t, hubrules.MustParseParams(userFile("illustrative", `{title: {zh: 南京通知}, place: 江苏省南京市}`)).Overlay(s).Warnings(), 0)

	_, err = hubrules.ParseParams(userFile("certain", `{title: {zh: 某通知}, article: 第三条}`))
	require.ErrorIs(t, err, hubrules.ErrInvalidInput, "an unknown confidence word stays an input error")
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "parameters.census.refresh_months.values[0].confidence", ie.Fields[0].Path)
}

func TestParseParams_FirstSourceFormatStillReads(t *testing.T) {
	s, err := hubrules.ParseParams(userFile("secondary", `{document: 《某办法》, clause: 第三条}`))
	require.NoError(t, err)
	v := s.Values("census.refresh_months")[0]
	assert.Equal(t, "《某办法》", v.Source.Title.ZH)
	assert.Equal(t, "第三条", v.Source.Article)
	assert.Empty(t, v.Source.Document)
}

func TestSource_CiteNamesDocumentNumberAndArticle(t *testing.T) {
	s := hubrules.EvaluationMeasures2010("第二十八条")
	assert.Equal(t, "《社会组织评估管理办法》（民政部令第39号）第二十八条", s.Short(hubrules.ZH))
	assert.Equal(t, "民政部《社会组织评估管理办法》（民政部令第39号）第二十八条", s.Cite(hubrules.ZH))
	assert.Contains(t, s.Cite(hubrules.EN), "Measures for the Administration of Social Organization Evaluation (《社会组织评估管理办法》)")
	seed := hubrules.Seed(hubrules.Wuliqiao, "“筑牢制度和组织基础”一节：“交叉任职24人，占比75%”")
	assert.Contains(t, seed.Cite(hubrules.ZH), "《公益时报》2017年6月6日")
	assert.Equal(t, "一个街道为何能出现6家“5A”社会组织？“筑牢制度和组织基础”一节", seed.Short(hubrules.ZH))
	assert.True(t, hubrules.Seed(hubrules.National, "").IsZero())
}

func TestSource_GovernsOnlyItsOwnPlace(t *testing.T) {
	nanjing := hubrules.Source{Place: "江苏省南京市"}
	shanghai := hubrules.Source{Place: "上海市"}
	for _, p := range hubrules.Programmes() {
		assert.False(t, nanjing.Governs(p), p)
		assert.True(t, hubrules.Source{Place: hubrules.PlaceNational}.Governs(p), p)
	}
	assert.True(t, shanghai.Governs(hubrules.Jingan))
	assert.True(t, shanghai.Governs(hubrules.Lujiazui))
	assert.False(t, shanghai.Governs(hubrules.Kaixuan))
	assert.False(t, shanghai.Governs(hubrules.National), "no local text governs the national base")
}

func TestOfficialHost(t *testing.T) {
	for _, u := range []string{"https://www.gov.cn/x", "https://www.shcm.gov.cn/a", "http://dangjian.people.com.cn/n1/x.html", "https://www.12371.cn/x"} {
		assert.True(t, hubrules.OfficialHost(u), u)
	}
	for _, u := range []string{"http://www.mirror-site.example/fagui/9788.html", "http://gov.cn.example.com/x", "ftp://www.gov.cn/x", "not a url", "http://evilgov.cn/x"} {
		assert.False(t, hubrules.OfficialHost(u), u)
	}
}

func TestFinding_NamesItsRulesDocumentAndArticle(t *testing.T) {
	rulecat.Register(hubrules.Catalogue{{ID: "TEST-CITE-01", Source: hubrules.EvaluationMeasures2010("第二十八条")}})
	f := hubrules.Finding{Rule: "TEST-CITE-01", Severity: hubrules.Violation, Message: hubrules.T("等级已过期", "the grade has expired")}
	assert.Equal(t, "[TEST-CITE-01 依据《社会组织评估管理办法》（民政部令第39号）第二十八条] 等级已过期", f.Describe(hubrules.ZH))
	assert.Contains(t, f.Describe(hubrules.EN), "[TEST-CITE-01 per Measures for the Administration of Social Organization Evaluation (民政部令第39号), 第二十八条")
	b, err := f.MarshalJSON()
	require.NoError(t, err)
	assert.Contains(t, string(b), `"citation":{"zh":"《社会组织评估管理办法》（民政部令第39号）第二十八条"`)
	assert.Equal(t, "[UNREGISTERED-01] x", hubrules.Finding{Rule: "UNREGISTERED-01", Message: hubrules.T("x", "x")}.Describe(hubrules.ZH))
}
