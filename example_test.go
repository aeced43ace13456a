package hubrules_test

import (
	"errors"
	"fmt"

	"github.com/hubrules/hubrules"
)

// A rule package resolves its parameters once, as of a date, for a
// programme; the Basis says which values it used and how sure we are of them.
func ExampleParamSet_Resolve() {
	set := hubrules.MustParseParams([]byte(`
package: example
parameters:
  fee_rate:
    description: {zh: 项目管理费比例, en: project management fee rate}
    unit: ratio
    values:
      - {programme: lujiazui, from: 2014-01-01, value: "0.10", confidence: verified,
         source: {title: {zh: "〔陆家嘴社区阳光驿站社会化转型〕", en: "[the social transformation of the Lujiazui Sunshine Station]"}, publication: 《上海党史与党建》2017年第3期, article: （一）在组织形式上, place: 上海市浦东新区陆家嘴街道}}
  term_years:
    description: {zh: 理事任期, en: board term}
    unit: years
    values:
      - {programme: national, from: 2014-01-01, value: 5, confidence: illustrative,
         source: {document: 社会组织章程示范文本}}
`))
	var p struct {
		FeeRate   string `param:"fee_rate"`
		TermYears int    `param:"term_years" validate:"gte=1"`
	}
	basis, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2019-06-30"), &p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.FeeRate, p.TermYears)
	fmt.Println(basis.Describe(hubrules.EN))
	// Output:
	// 0.10 5
	// programme lujiazui, as of 2019-06-30, parameters effective 2014-01-01
	// not verified: term_years(illustrative)
}

// Malformed input is an *InputError naming each bad field by its JSON path,
// in Chinese and English.
func ExampleDecodeJSON_errors() {
	var in struct {
		Programme hubrules.Programme `json:"programme" validate:"enum"`
		Members   []struct {
			FormalMembers int `json:"formal_members" validate:"gte=0"`
		} `json:"members" validate:"dive"`
	}
	err := hubrules.DecodeJSON([]byte(`{"programme":"kaixuan","members":[{"formal_members":-1}]}`), &in)
	var ie *hubrules.InputError
	if errors.As(err, &ie) {
		for _, f := range ie.Fields {
			fmt.Println(f.Path, f.Code)
			fmt.Println(f.Message.ZH)
			fmt.Println(f.Message.EN)
		}
	}
	fmt.Println(errors.Is(err, hubrules.ErrInvalidInput))
	// Output:
	// members[0].formal_members gte
	// formal_members必须大于或等于0
	// formal_members must be 0 or greater
	// true
}
