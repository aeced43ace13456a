package hubrules_test

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type sampleParams struct {
	BranchMin int           `param:"branch_min" validate:"gte=1,lte=10"`
	FeeRate   string        `param:"fee_rate" validate:"required"`
	Start     hubrules.Date `param:"start"`
	Areas     []string      `param:"areas" validate:"min=1"`
	Untouched int
}

type nationalOnly struct {
	BranchMin int    `param:"branch_min"`
	FeeRate   string `param:"fee_rate"`
}

func loadSample(t testing.TB) *hubrules.ParamSet {
	data, err := os.ReadFile("testdata/params_sample.yaml")
	require.NoError(t, err)
	set, err := hubrules.ParseParams(data)
	require.NoError(t, err)
	return set
}

func TestParamSet_ResolveProgrammeOverridesNational(t *testing.T) {
	set := loadSample(t)
	var p sampleParams
	p.Untouched = 42
	b, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-05-01"), &p)
	require.NoError(t, err)
	assert.Equal(t, 3, p.BranchMin)
	assert.Equal(t, "0.10", p.FeeRate)
	assert.Equal(t, "2014-06-30", p.Start.String())
	assert.Equal(t, []string{"培育扶持", "能力建设"}, p.Areas)
	assert.Equal(t, 42, p.Untouched)
	assert.Equal(t, hubrules.Lujiazui, b.Programme)
	assert.Equal(t, "2020-05-01", b.AsOf.String())
	assert.Equal(t, "2018-10-28", b.Effective.String(), "effective date is the latest from among the values used")
	require.Len(t, b.Params, 4)
	fee, ok := b.Param("fee_rate")
	require.True(t, ok)
	assert.Equal(t, hubrules.Lujiazui, fee.Programme)
	assert.Equal(t, hubrules.Verified, fee.Confidence)
	assert.Equal(t, "ratio", fee.Unit)
	var unverified []string
	for _, u := range b.Unverified() {
		unverified = append(unverified, u.Name)
	}
	assert.Equal(t, []string{"start", "areas"}, unverified)
	assert.Contains(t, b.Describe(hubrules.ZH), "未经核实")
	assert.Contains(t, b.Describe(hubrules.EN), "not verified: start(secondary)")
}

func TestParamSet_NationalFallbackAndDates(t *testing.T) {
	set := loadSample(t)
	var p nationalOnly
	_, err := set.Resolve(hubrules.Jingan, hubrules.MustParseDate("2020-01-01"), &p)
	require.NoError(t, err)
	assert.Equal(t, "0.08", p.FeeRate)

	// A parameter before its first value is not an error of the whole
	// set: it is missing, with the day it starts, and its field is zero.
	p.BranchMin = 99
	b, err := set.Resolve(hubrules.Jingan, hubrules.MustParseDate("2018-10-27"), &p)
	require.NoError(t, err)
	assert.Zero(t, p.BranchMin, "a parameter not in force keeps no earlier value")
	assert.Equal(t, []hubrules.Unset{{Name: "branch_min", Starts: hubrules.MustParseDate("2018-10-28")}}, b.Missing)
	assert.Equal(t, "参数 branch_min 自 2018-10-28 起施行", b.Missing[0].Describe(hubrules.ZH))
	assert.Equal(t, "parameter branch_min is in force from 2018-10-28", b.Missing[0].Describe(hubrules.EN))
	assert.Equal(t, "0.08", p.FeeRate, "the other parameters are resolved")

	b, err = set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2030-01-01"), &p)
	require.NoError(t, err)
	assert.Equal(t, []hubrules.Unset{{Name: "fee_rate", Repealed: hubrules.MustParseDate("2030-01-01")}}, b.Missing)

	// Lookup, which asks for one value, still says why there is none.
	var ie *hubrules.InputError
	_, err = set.Lookup("branch_min", hubrules.Jingan, hubrules.MustParseDate("2018-10-27"))
	require.ErrorAs(t, err, &ie)
	f, ok := ie.Field("parameters.branch_min")
	require.True(t, ok)
	assert.Equal(t, "before_first", f.Code)
	assert.Equal(t, "2018-10-28", f.Param)
	assert.Contains(t, f.Message.ZH, "尚无取值")
	assert.Contains(t, f.Message.EN, "has no value on 2018-10-27")
	_, err = set.Lookup("fee_rate", hubrules.Lujiazui, hubrules.MustParseDate("2030-01-01"))
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "repealed", ie.Fields[0].Code)

	ref, err := set.Lookup("fee_rate", hubrules.Lujiazui, hubrules.MustParseDate("2029-12-31"))
	require.NoError(t, err)
	assert.Equal(t, "0.10", ref.Value)
	_, err = set.Lookup("nope", hubrules.Lujiazui, hubrules.MustParseDate("2029-12-31"))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	_, err = set.Lookup("fee_rate", hubrules.Lujiazui, hubrules.Date{})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestParamSet_ResolveValidatesAndNamesUnknownProgramme(t *testing.T) {
	set := loadSample(t)
	var p sampleParams
	_, err := set.Resolve(hubrules.Programme("shenzhen"), hubrules.MustParseDate("2020-01-01"), &p)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "programme", ie.Fields[0].Path)

	over, err := hubrules.ParseParams([]byte(`
package: sample
parameters:
  branch_min:
    description: {zh: 过大的值}
    values:
      - {programme: national, from: 2018-10-28, value: 30, confidence: illustrative, source: {document: test}}
`))
	require.NoError(t, err)
	_, err = set.Overlay(over).Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &p)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "parameters.branch_min", ie.Fields[0].Path)
	assert.Equal(t, "lte", ie.Fields[0].Code)

	_, err = set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), p)
	assert.Error(t, err, "a non-pointer is a programming error, reported not panicked")
}

func TestParamSet_OverlayReplacesOnlyTheProgrammesItNames(t *testing.T) {
	set := loadSample(t)
	over, err := hubrules.ParseParams([]byte(`
package: sample
parameters:
  fee_rate:
    description: {zh: 项目管理费比例, en: fee}
    values:
      - {programme: lujiazui, from: 2024-01-01, value: "0.12", confidence: secondary, source: {document: user file}}
`))
	require.NoError(t, err)
	merged := set.Overlay(over)
	ref, err := merged.Lookup("fee_rate", hubrules.Lujiazui, hubrules.MustParseDate("2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.12", ref.Value)
	ref, err = merged.Lookup("fee_rate", hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.08", ref.Value, "the user's lujiazui values replace the shipped ones, so before 2024 national applies")
	ref, err = merged.Lookup("fee_rate", hubrules.Jingan, hubrules.MustParseDate("2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.08", ref.Value)
	ref, err = set.Lookup("fee_rate", hubrules.Lujiazui, hubrules.MustParseDate("2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.10", ref.Value, "the original set is unchanged")
	assert.Equal(t, []string{"areas", "branch_min", "fee_rate", "start"}, merged.Names())
	assert.Len(t, merged.Values("fee_rate"), 2)
	d, unit := merged.Description("fee_rate")
	assert.Equal(t, "fee", d.EN)
	assert.Equal(t, "ratio", unit)
	assert.Equal(t, "sample", merged.Package())
}

func TestParseParams_BadFilesNameEveryField(t *testing.T) {
	cases := []struct {
		name, yaml string
		paths      []string
		code       string
	}{
		{"float amount", `
package: x
parameters:
  fund:
    description: {zh: 资金}
    values:
      - {programme: jingan, from: 2018-01-01, value: 15000000.5, confidence: secondary, source: {document: d}}
`, []string{"parameters.fund.values[0].value"}, "float"},
		{"float inside a list", `
package: x
parameters:
  bands:
    description: {zh: 分数段}
    values:
      - {programme: jingan, from: 2018-01-01, value: [{min: "90"}, {min: 80.5}], confidence: secondary, source: {document: d}}
`, []string{"parameters.bands.values[0].value"}, "float"},
		{"missing fields", `
package: x
parameters:
  fund:
    description: {en: only english}
    values:
      - {programme: jingan}
`, []string{"parameters.fund.description.zh", "parameters.fund.values[0].from", "parameters.fund.values[0].confidence", "parameters.fund.values[0].source.title", "parameters.fund.values[0].value"}, "required"},
		{"unknown programme and confidence, bad date", `
package: x
parameters:
  fund:
    description: {zh: 资金}
    values:
      - {programme: shenzhen, from: 2018-02-30, value: "1", confidence: sure, source: {document: d}}
`, []string{"parameters.fund.values[0].programme", "parameters.fund.values[0].from", "parameters.fund.values[0].confidence"}, "enum"},
		{"duplicate date", `
package: x
parameters:
  fund:
    description: {zh: 资金}
    values:
      - {programme: jingan, from: 2018-01-01, value: "1", confidence: secondary, source: {document: d}}
      - {programme: jingan, from: 2018-01-01, value: "2", confidence: secondary, source: {document: d}}
`, []string{"parameters.fund.values[1].from"}, "duplicate"},
		{"no package, no parameters", `{}`, []string{"package", "parameters"}, "required"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := hubrules.ParseParams([]byte(c.yaml))
			var ie *hubrules.InputError
			require.ErrorAs(t, err, &ie)
			var paths []string
			for _, f := range ie.Fields {
				paths = append(paths, f.Path)
				assert.NotEmpty(t, f.Message.ZH)
				assert.NotEmpty(t, f.Message.EN)
			}
			assert.Equal(t, c.paths, paths)
			assert.Equal(t, c.code, ie.Fields[0].Code)
		})
	}
	_, err := hubrules.ParseParams([]byte("package: x\nparameters:\n  a:\n    descripton: {zh: typo}\n"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "unknown_field", ie.Fields[0].Code)
	assert.Equal(t, "parameters.a.descripton", ie.Fields[0].Path)
	assert.Contains(t, ie.Error(), "did you mean description?")
	_, err = hubrules.ParseParams([]byte(strings.Repeat("#", 5<<20)))
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "max_bytes", ie.Fields[0].Code)
}

func TestParamSet_ConcurrentResolve(t *testing.T) {
	set := loadSample(t)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				var p sampleParams
				if _, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &p); err != nil {
					errs <- err
					return
				}
				if p.FeeRate != "0.10" {
					errs <- errors.New("wrong value " + p.FeeRate)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func FuzzParseParams(f *testing.F) {
	data, err := os.ReadFile("testdata/params_sample.yaml")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte("package: x\nparameters: {a: {description: {zh: a}, values: [{programme: national, from: 2020-01-01, value: 1.5}]}}"))
	f.Add([]byte("{"))
	// Alias bombs, cycles and large counts: the fuzzer mutates them into
	// their neighbours.
	f.Add([]byte(paramFileWith("&a [*a, *a]")))
	f.Add([]byte(billionLaughs()))
	f.Add([]byte(paramFileWith(`[&s "` + strings.Repeat("x", 4096) + `"` + strings.Repeat(", *s", 300) + "]")))
	f.Add([]byte("package: x\nparameters:\n  x: &p\n    description: {zh: 甲}\n    values:\n      - {programme: national, from: 2020-01-01, confidence: verified, source: {document: d}, value: *p}\n"))
	f.Add([]byte(paramFileWith(`!!float "0.10"`)))
	f.Add(manyValues(200))
	f.Fuzz(func(t *testing.T, b []byte) {
		// The fuzzer has no timeout per input: an input that takes this
		// long is a defect (a generous bound, for -race on a busy machine).
		start := time.Now()
		defer func() {
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("ParseParams and Lookup took %v on %d bytes", d, len(b))
			}
		}()
		set, err := hubrules.ParseParams(b)
		if err != nil {
			var ie *hubrules.InputError
			if !errors.As(err, &ie) || len(ie.Fields) == 0 {
				t.Fatalf("error is not an InputError with fields: %v", err)
			}
			return
		}
		for _, name := range set.Names() {
			for _, prog := range hubrules.Programmes() {
				_, _ = set.Lookup(name, prog, hubrules.MustParseDate("2025-01-01"))
			}
		}
	})
}

func TestParamSet_NotInForceFieldsAreNotValidated(t *testing.T) {
	set := loadSample(t)
	var p struct {
		BranchMin int    `param:"branch_min" validate:"gte=1"`
		FeeRate   string `param:"fee_rate,optional" validate:"required"`
	}
	b, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2018-01-01"), &p)
	require.NoError(t, err, "a zero left by a parameter not in force is not a bad value")
	assert.True(t, b.HasMissing("branch_min"))
	assert.False(t, b.HasMissing("fee_rate"))
	require.NoError(t, hubrules.ValidateParams(&p, b))
	assert.Error(t, hubrules.Validate(&p), "Validate alone checks every field")
	err = hubrules.RequireInForce(b, "R-1", "fee_rate", "branch_min")
	var nf *hubrules.NotInForceError
	require.ErrorAs(t, err, &nf)
	assert.ErrorIs(t, err, hubrules.ErrNotInForce)
	assert.Equal(t, "rule R-1 is not in force on 2018-01-01: parameter branch_min is in force from 2018-10-28", err.Error())
	f := nf.Finding("org")
	assert.Equal(t, hubrules.Notice, f.Severity)
	assert.Equal(t, []hubrules.Fact{{Name: "as_of", Value: "2018-01-01"}, {Name: "not_in_force", Value: "branch_min"}, {Name: "starts", Value: "2018-10-28"}}, f.Facts)
	assert.Equal(t, "规则 R-1 在 2018-01-01 未施行：参数 branch_min 自 2018-10-28 起施行", f.Message.ZH)
	assert.NoError(t, hubrules.RequireInForce(b, "R-2", "fee_rate"))
	var q struct {
		X int `param:"no_such_param,optional"`
	}
	_, err = set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &q)
	assert.Error(t, err, "an unknown name is a mistake even when optional")
}

func TestParseParams_AliasesAreExpandedAndSecondDocumentsRefused(t *testing.T) {
	set, err := hubrules.ParseParams([]byte(`
package: x
parameters:
  a:
    description: {zh: 甲}
    values:
      - {programme: national, from: 2020-01-01, value: &f [1, 2], confidence: verified, source: {document: d}}
      - {programme: jingan, from: 2020-01-01, value: *f, confidence: verified, source: {document: d}}
`))
	require.NoError(t, err)
	ref, err := set.Lookup("a", hubrules.Jingan, hubrules.MustParseDate("2021-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "[1,2]", ref.Value, "the recorded value is the value, not *f")
	_, err = hubrules.ParseParams([]byte(`
package: x
parameters:
  a:
    description: {zh: 甲, en: &f 0.1}
    values:
      - {programme: jingan, from: 2020-01-01, value: *f, confidence: verified, source: {document: d}}
`))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "float", ie.Fields[0].Code, "a float cannot hide behind an alias")
	_, err = hubrules.ParseParams([]byte("package: x\nparameters:\n  a:\n    description: {zh: 甲}\n    values: [{programme: national, from: 2020-01-01, value: 1, confidence: verified, source: {document: d}}]\n---\nnot: [closed\n"))
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "syntax", ie.Fields[0].Code)
}

func TestParamSet_ResolveEdgeCases(t *testing.T) {
	set := loadSample(t)
	var unexported struct {
		x int `param:"branch_min"`
	}
	_, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &unexported)
	assert.Error(t, err, "an unexported tagged field is reported, not a panic")
	assert.Zero(t, unexported.x)

	var p sampleParams
	_, err = set.Resolve(hubrules.Lujiazui, hubrules.Date{}, &p)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput, "a zero date is refused before anything is looked up")

	var m struct {
		Areas []string `param:"areas"`
	}
	m.Areas = []string{"stale", "values", "left", "over"}
	_, err = set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &m)
	require.NoError(t, err)
	assert.Equal(t, []string{"培育扶持", "能力建设"}, m.Areas, "a field is replaced, never merged")

	_, err = set.Lookup("fee_rate", hubrules.Programme("beijing"), hubrules.MustParseDate("2020-01-01"))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	assert.Same(t, set, set.Overlay(nil))

	var opt struct {
		Fee int `param:"branch_min,optional" validate:"gte=5"`
	}
	_, err = set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-01-01"), &opt)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "parameters.branch_min", ie.Fields[0].Path, "the ,optional suffix is not part of the name")
}

func TestBasis_OnlyKeepsTheNamedParameters(t *testing.T) {
	set := loadSample(t)
	var p sampleParams
	b, err := set.Resolve(hubrules.Lujiazui, hubrules.MustParseDate("2020-05-01"), &p)
	require.NoError(t, err)
	o := b.Only("fee_rate", "start")
	require.Len(t, o.Params, 2)
	assert.Equal(t, "2014-01-01", o.Effective.String(), "effective date recomputed from the kept values")
	assert.Equal(t, "2020-05-01", o.AsOf.String())
	assert.Equal(t, []string{"start"}, func() []string {
		var n []string
		for _, u := range o.Unverified() {
			n = append(n, u.Name)
		}
		return n
	}())
	assert.Len(t, b.Params, 4, "the original is unchanged")
	assert.Empty(t, b.Only().Params)
}

// A basis prints only what it has: no empty programme, no empty
// "parameters effective" for a decision that read no parameter.
func TestBasis_DescribeLeavesOutWhatItDoesNotHave(t *testing.T) {
	full := hubrules.Basis{Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2024-06-30"), Effective: hubrules.MustParseDate("2021-12-15")}
	assert.Equal(t, "programme kaixuan, as of 2024-06-30, parameters effective 2021-12-15", full.Describe(hubrules.EN))
	assert.Equal(t, "项目 kaixuan，评估日 2024-06-30，参数生效日 2021-12-15", full.Describe(hubrules.ZH))
	noParams := hubrules.Basis{Programme: hubrules.Jingan, AsOf: hubrules.MustParseDate("2018-12-31")}
	assert.Equal(t, "programme jingan, as of 2018-12-31", noParams.Describe(hubrules.EN))
	assert.Equal(t, "项目 jingan，评估日 2018-12-31", noParams.Describe(hubrules.ZH))
	acrossProgrammes := hubrules.Basis{AsOf: hubrules.MustParseDate("2018-12-31")}
	assert.Equal(t, "as of 2018-12-31", acrossProgrammes.Describe(hubrules.EN))
	assert.Equal(t, "评估日 2018-12-31", acrossProgrammes.Describe(hubrules.ZH))
	assert.Equal(t, "", hubrules.Basis{}.Describe(hubrules.EN))
}

// paramFileWith is a parameter file with one parameter x whose only value
// is value (YAML text).
func paramFileWith(value string) string {
	return "package: x\nparameters:\n  x:\n    description: {zh: 甲}\n    values:\n      - {programme: national, from: 2020-01-01, confidence: verified, source: {document: d}, value: " + value + "}\n"
}

// billionLaughs is a 9-level alias bomb of about 500 bytes: 9^9 nodes once
// expanded.
func billionLaughs() string {
	levels := []string{`&a [lol, lol, lol, lol, lol, lol, lol, lol, lol]`}
	for i := 1; i < 9; i++ {
		prev := "*" + string(rune('a'+i-1))
		levels = append(levels, "&"+string(rune('a'+i))+" ["+strings.TrimSuffix(strings.Repeat(prev+", ", 9), ", ")+"]")
	}
	return paramFileWith("[" + strings.Join(levels, ", ") + "]")
}

func requireField(t *testing.T, err error, code string) hubrules.FieldError {
	t.Helper()
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	for _, f := range ie.Fields {
		if f.Code == code {
			assert.NotEmpty(t, f.Message.ZH)
			assert.NotEmpty(t, f.Message.EN)
			assert.NotContains(t, f.Message.EN, "yaml.Node")
			return f
		}
	}
	t.Fatalf("no field with code %s in %v", code, err)
	return hubrules.FieldError{}
}

// An alias is expanded into the value it names, so a few hundred bytes of
// aliases could name billions of nodes: the expansion of a whole file is
// bounded in nodes and in text, and an alias inside its own anchor is a
// cycle.
func TestParseParams_AliasBombsAndCyclesAreRefused(t *testing.T) {
	_, err := hubrules.ParseParams([]byte(paramFileWith("&a [*a, *a]")))
	f := requireField(t, err, "alias_cycle")
	assert.Equal(t, "parameters.x.values[0].value[0]", f.Path)
	assert.Contains(t, f.Message.EN, "*a")

	bomb := billionLaughs()
	assert.Less(t, len(bomb), 600)
	_, err = hubrules.ParseParams([]byte(bomb))
	f = requireField(t, err, "max_alias_nodes")
	assert.Equal(t, "50000", f.Param)
	assert.Equal(t, "parameters.x.values[0].value[4][5]", f.Path, "the path of the alias whose expansion passed the bound")

	// Few nodes, but each a long text: bounded by the bytes expanded.
	big := `&s "` + strings.Repeat("x", 4096) + `"`
	_, err = hubrules.ParseParams([]byte(paramFileWith("[" + big + strings.Repeat(", *s", 300) + "]")))
	f = requireField(t, err, "max_alias_bytes")
	assert.Equal(t, "1048576", f.Param)

	// The bound is over the whole file: many values each naming the same
	// modest anchor add up.
	var b strings.Builder
	b.WriteString("package: x\nparameters:\n  x:\n    description: {zh: 甲}\n    values:\n")
	b.WriteString("      - {programme: national, from: 2000-01-01, confidence: verified, source: {document: d}, value: &t [" + strings.TrimSuffix(strings.Repeat("1, ", 100), ", ") + "]}\n")
	for i := 1; i <= 600; i++ {
		b.WriteString("      - {programme: national, from: " + hubrules.MustParseDate("2000-01-01").AddDays(i).String() + ", confidence: verified, source: {document: d}, value: *t}\n")
	}
	_, err = hubrules.ParseParams([]byte(b.String()))
	requireField(t, err, "max_alias_nodes")
}

// yaml's own decoding of the rest of the file (descriptions, sources, lists
// of values) follows aliases too: the same bound applies there.
func TestParseParams_AliasesOutsideValuesAreBoundedToo(t *testing.T) {
	var b strings.Builder
	b.WriteString("package: x\nparameters:\n  p0: &d\n    description: {zh: 甲}\n    values:\n")
	for i := 0; i < 200; i++ {
		b.WriteString("      - {programme: national, from: " + hubrules.MustParseDate("2000-01-01").AddDays(i).String() + ", confidence: verified, source: {document: d, clause: c}, value: \"1\"}\n")
	}
	for i := 1; i <= 300; i++ {
		b.WriteString("  p" + strconv.Itoa(i) + ": *d\n")
	}
	_, err := hubrules.ParseParams([]byte(b.String()))
	requireField(t, err, "max_alias_nodes")

	_, err = hubrules.ParseParams([]byte("package: x\nparameters:\n  x: &p\n    description: {zh: 甲}\n    values:\n      - {programme: national, from: 2020-01-01, confidence: verified, source: {document: d}, value: *p}\n"))
	requireField(t, err, "alias_cycle")
}

// A tag says what a scalar is even when it is quoted: !!float "0.10" is a
// float, refused like 0.10.
func TestParseParams_FloatTagIsAFloatEvenQuoted(t *testing.T) {
	for _, v := range []string{`!!float "0.10"`, `!!float '0.10'`, `!!float 3`, `[{min: !!float "90"}]`, `!<tag:yaml.org,2002:float> "1"`} {
		_, err := hubrules.ParseParams([]byte(paramFileWith(v)))
		f := requireField(t, err, "float")
		assert.Equal(t, "parameters.x.values[0].value", f.Path, v)
	}
	_, err := hubrules.ParseParams([]byte(paramFileWith(`!!str "0.10"`)))
	assert.NoError(t, err, "an exact amount with a string tag is fine")
}

// manyValues is a file with n values of one parameter on n consecutive
// dates.
func manyValues(n int) []byte {
	var b strings.Builder
	b.WriteString("package: x\nparameters:\n  x:\n    description: {zh: 甲}\n    values:\n")
	d := hubrules.MustParseDate("1926-01-01")
	for i := 0; i < n; i++ {
		b.WriteString("      - {programme: national, from: " + d.AddDays(i).String() + ", confidence: verified, source: {document: d}, value: \"1\"}\n")
	}
	return []byte(b.String())
}

// A century of daily values is checked for duplicate dates by sorting, not
// by comparing every pair; the later duplicate is still the one named.
func TestParseParams_ManyValuesDuplicateNamedOnce(t *testing.T) {
	const n = 36500
	data := append(manyValues(n), "      - {programme: national, from: 1926-01-02, confidence: verified, source: {document: d}, value: \"2\"}\n"...)
	_, err := hubrules.ParseParams(data)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 1)
	assert.Equal(t, "parameters.x.values["+strconv.Itoa(n)+"].from", ie.Fields[0].Path)
	assert.Equal(t, "duplicate", ie.Fields[0].Code)

	set, err := hubrules.ParseParams(manyValues(n / 10))
	require.NoError(t, err)
	assert.Len(t, set.Values("x"), n/10)
}

func BenchmarkParseParams_36500Values(b *testing.B) {
	data := manyValues(36500)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := hubrules.ParseParams(data); err != nil {
			b.Fatal(err)
		}
	}
}

// zeros is an endless stream of zero bytes that counts what was read.
type zeros struct{ read int }

func (z *zeros) Read(p []byte) (int, error) {
	clear(p)
	z.read += len(p)
	return len(p), nil
}

// ReadParams stops reading just past the limit: an endless stream is
// refused, not held.
func TestReadParams_StopsAtTheLimit(t *testing.T) {
	z := &zeros{}
	_, err := hubrules.ReadParams(z)
	f := requireField(t, err, "max_bytes")
	assert.Equal(t, "4194304", f.Param)
	assert.LessOrEqual(t, z.read, hubrules.MaxParamBytes+1)

	set, err := hubrules.ReadParams(strings.NewReader(paramFileWith(`"1"`)))
	require.NoError(t, err)
	assert.Equal(t, "x", set.Package())
	_, err = hubrules.ReadParams(iotest.ErrReader(errors.New("disk on fire")))
	assert.EqualError(t, err, "disk on fire", "a failure to read is not bad input")
}

// yaml's errors for a parameter file name the key's path and line in the
// file's own words, never a Go type.
func TestParseParams_YAMLErrorsNameThePathNotGoTypes(t *testing.T) {
	file := "package: grading\nparameters:\n  p:\n    description: {zh: 说明}\n    colour: red\n    values:\n      - programme: national\n        from: 2020-01-01\n        confidence: illustrative\n        source: {document: 测试, clauze: 3}\n        value: 1\n"
	_, err := hubrules.ParseParams([]byte(file))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 2)
	assert.Equal(t, hubrules.FieldError{Path: "parameters.p.colour", Code: "unknown_field", Param: "line 5", Value: "colour",
		Message: hubrules.T("参数文件第 5 行：未知的键 colour（可用的键：description、unit、values）",
			"line 5 of the parameter file: unknown key colour (valid keys: description, unit, values)")}, ie.Fields[0])
	assert.Equal(t, "parameters.p.values[0].source.clauze", ie.Fields[1].Path)
	assert.Contains(t, ie.Fields[1].Message.EN, "did you mean clause?")

	_, err = hubrules.ParseParams([]byte("package: grading\nparameters: 5\n"))
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "parameters", ie.Fields[0].Path)
	assert.Equal(t, "type", ie.Fields[0].Code)
	assert.Equal(t, "line 2", ie.Fields[0].Param)

	_, err = hubrules.ParseParams([]byte("package: [1\n"))
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "syntax", ie.Fields[0].Code)
	assert.Equal(t, "line 1", ie.Fields[0].Param)
	assert.NotContains(t, ie.Fields[0].Message.ZH, "did not find", "no English in the Chinese message")
	for _, f := range ie.Fields {
		assert.NotContains(t, f.Message.ZH+f.Message.EN, "hubrules.")
	}
}

func TestClosest(t *testing.T) {
	known := []string{"document", "clause", "url"}
	assert.Equal(t, "clause", hubrules.Closest("clauze", known))
	assert.Equal(t, "url", hubrules.Closest("ur", known))
	assert.Equal(t, "", hubrules.Closest("page", known), "too far to be a misspelling")
	assert.Equal(t, "", hubrules.Closest("x", nil))
}

func TestParseParams_ValuesGoingBackInTimeAreRefusedWithBothDates(t *testing.T) {
	_, err := hubrules.ParseParams([]byte(`
package: hub
parameters:
  form.own_branch_min_formal:
    description: {zh: 说明, en: description}
    values:
      - {programme: national, from: 2002-11-14, value: 3, confidence: verified, source: {document: 党章}}
      - {programme: national, from: 2017-10-24, value: 3, confidence: verified, source: {document: 党章}}
      - {programme: jingan, from: 2016-01-01, value: 3, confidence: verified, source: {document: 党章}}
      - {programme: national, from: 2012-11-14, value: 3, confidence: verified, source: {document: 党章}}
`))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	require.Len(t, ie.Fields, 1, "another programme's value in between is not out of order")
	f := ie.Fields[0]
	assert.Equal(t, "parameters.form.own_branch_min_formal.values[3].from", f.Path)
	assert.Equal(t, "order", f.Code)
	assert.Equal(t, "2012-11-14", f.Value)
	assert.Equal(t, "2017-10-24", f.Param)
	assert.Contains(t, f.Message.ZH, "form.own_branch_min_formal")
	assert.Contains(t, f.Message.ZH, "2012-11-14 排在 2017-10-24 之后")
	assert.Contains(t, f.Message.EN, "2012-11-14 comes after 2017-10-24")
}
