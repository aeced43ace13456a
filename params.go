package hubrules

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/hubrules/hubrules/internal/yamljson"
)

// Confidence says how sure we are of a parameter's value.
type Confidence string

// The confidences, most certain first.
const (
	// Verified: read in the rule's own text, and the source gives the
	// document and the article.
	Verified Confidence = "verified"
	// Secondary: a reliable report of the rule (a news story, a notice
	// applying it, a copy whose text we could not read whole).
	Secondary Confidence = "secondary"
	// Illustrative: no public rule for this place found; a stated stand-in,
	// or another place's figure (Source.Place says whose).
	Illustrative Confidence = "illustrative"
)

// Valid reports whether c is a known confidence.
func (c Confidence) Valid() bool {
	return c == Verified || c == Secondary || c == Illustrative
}

// ParamRef is one parameter value as a decision used it: its name, the
// programme whose value applied (National when the programme has none of its
// own), the date the value took effect, the value as written in the file,
// its unit, source and confidence, and a note on the value. FromAssumed is
// set when no source gives the start date and the date is our assumption
// (the note says why it was chosen).
type ParamRef struct {
	Name        string    `json:"name"`
	Programme   Programme `json:"programme"`
	From        Date      `json:"from"`
	FromAssumed bool      `json:"from_assumed,omitempty"`
	// Value is the value as text: a string's content ("0.10", "own_branch")
	// or the JSON text of any other value ("3", "[1,2,3]"); it is not
	// written to JSON (JSON is).
	Value string `json:"-"`
	// JSON is the value as a typed JSON value, written under "value":
	// integers as numbers, booleans as booleans, lists and maps as arrays
	// and objects, and quoted text (exact decimals such as "0.10",
	// amounts, codes) as strings. It is computed once, when the parameter
	// file is parsed; a ParamRef built without it writes Value as a string.
	JSON       JSONValue  `json:"value"`
	Unit       string     `json:"unit,omitempty"`
	Confidence Confidence `json:"confidence"`
	Source     Source     `json:"source"`
	Note       string     `json:"note,omitempty"`
}

// Basis records what a decision was based on: the programme asked for, the
// date the decision is for, the latest effective date among the parameter
// values used, and those values with their provenance. A decision that used
// a parameter less than Verified says so through Unverified.
type Basis struct {
	Programme Programme  `json:"programme"`
	AsOf      Date       `json:"as_of"`
	Effective Date       `json:"effective"`
	Params    []ParamRef `json:"params,omitempty"`
	// Missing lists the parameters that had no value on AsOf — not yet in
	// force, or repealed — each with the date it starts (or was repealed).
	// The rules that need them answer NotInForce on that date; the other
	// rules of the same decision are decided normally.
	Missing []Unset `json:"missing,omitempty"`
}

// MarshalJSON writes the basis as its fields say; the bytes of a basis
// equal to a recent one are reused (a result that embeds its basis writes
// it once per programme, date and parameters, not once per decision).
func (b Basis) MarshalJSON() ([]byte, error) {
	key := "basis|" + basisFingerprint(string(b.Programme)+b.AsOf.String(), b.Effective, b.Params, b.Missing)
	return reuseJSON(nil, key, b, Basis.equal, Basis.Clone, func() ([]byte, error) {
		type plain Basis
		return json.Marshal(plain(b))
	})
}

// equal reports whether a and b write the same JSON: the same programme
// and dates, parameters and missing parameters (nil and empty alike, as
// omitempty writes them).
func (b Basis) equal(o Basis) bool {
	return b.Programme == o.Programme && b.AsOf == o.AsOf && b.Effective == o.Effective &&
		slices.Equal(b.Params, o.Params) && slices.Equal(b.Missing, o.Missing)
}

// JSONShape returns the shape MarshalJSON writes (JSONShaper).
func (Basis) JSONShape() any {
	type plain Basis
	return plain{}
}

// Unset is a parameter that had no value on a basis' date. Starts is the
// first later date from which it has a value for the programme (its own or
// National's), zero when no value is known after the date; Repealed is set
// when the parameter had a value and was repealed on that day.
type Unset struct {
	Name     string `json:"name"`
	Starts   Date   `json:"starts,omitzero"`
	Repealed Date   `json:"repealed,omitzero"`
}

// Describe says in one phrase when the parameter applies: "自 2017-10-24
// 起施行" / "in force from 2017-10-24", "已于 … 废止" / "repealed on …",
// or that no value is known after the date.
func (u Unset) Describe(lang Lang) string {
	switch {
	case !u.Repealed.IsZero() && !u.Starts.IsZero():
		return T("参数 "+u.Name+" 已于 "+u.Repealed.String()+" 废止，自 "+u.Starts.String()+" 起重新施行",
			"parameter "+u.Name+" was repealed on "+u.Repealed.String()+" and is in force again from "+u.Starts.String()).In(lang)
	case !u.Repealed.IsZero():
		return T("参数 "+u.Name+" 已于 "+u.Repealed.String()+" 废止", "parameter "+u.Name+" was repealed on "+u.Repealed.String()).In(lang)
	case !u.Starts.IsZero():
		return T("参数 "+u.Name+" 自 "+u.Starts.String()+" 起施行", "parameter "+u.Name+" is in force from "+u.Starts.String()).In(lang)
	}
	return T("参数 "+u.Name+" 在该日期及以后没有已知取值", "parameter "+u.Name+" has no known value on or after the date").In(lang)
}

// Unset returns the parameters among names that had no value on the
// basis' date, in the order of names: empty when every one is in force.
func (b Basis) Unset(names ...string) []Unset {
	var out []Unset
	for _, n := range names {
		for _, m := range b.Missing {
			if m.Name == n {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// Only returns a copy of b restricted to the named parameters (and the
// missing ones among them), with Effective recomputed from them: the basis of
// one rule's decision when a checker resolved parameters for several rules,
// so that Unverified lists only what that decision relied on.
func (b Basis) Only(names ...string) Basis {
	out := Basis{Programme: b.Programme, AsOf: b.AsOf}
	has := func(n string) bool {
		for _, x := range names {
			if x == n {
				return true
			}
		}
		return false
	}
	for _, p := range b.Params {
		if has(p.Name) {
			out.Params = append(out.Params, p)
			if p.From.After(out.Effective) {
				out.Effective = p.From
			}
		}
	}
	for _, m := range b.Missing {
		if has(m.Name) {
			out.Missing = append(out.Missing, m)
		}
	}
	return out
}

// HasMissing reports whether the parameter name had no value on the
// basis' date.
func (b Basis) HasMissing(name string) bool {
	for _, m := range b.Missing {
		if m.Name == name {
			return true
		}
	}
	return false
}

// Unverified returns the parameters used whose confidence is not Verified.
func (b Basis) Unverified() []ParamRef {
	var out []ParamRef
	for _, p := range b.Params {
		if p.Confidence != Verified {
			out = append(out, p)
		}
	}
	return out
}

// Param returns the parameter named name, if the decision used it.
func (b Basis) Param(name string) (ParamRef, bool) {
	for _, p := range b.Params {
		if p.Name == name {
			return p, true
		}
	}
	return ParamRef{}, false
}

// Describe renders the basis in one or two lines for people. The parts a
// basis does not have — no programme (a check across programmes), no
// evaluation date, no effective date (a decision that read no parameter) —
// are left out rather than printed empty.
func (b Basis) Describe(lang Lang) string {
	var parts []string
	add := func(zh, en, v string) {
		if v == "" {
			return
		}
		if lang == EN {
			parts = append(parts, en+" "+v)
		} else {
			parts = append(parts, zh+" "+v)
		}
	}
	add("项目", "programme", string(b.Programme))
	add("评估日", "as of", b.AsOf.String())
	add("参数生效日", "parameters effective", b.Effective.String())
	sep := "，"
	if lang == EN {
		sep = ", "
	}
	s := strings.Join(parts, sep)
	if u := b.Unverified(); len(u) > 0 {
		names := make([]string, len(u))
		for i, p := range u {
			names[i] = p.Name + "(" + string(p.Confidence) + ")"
		}
		if lang == EN {
			s += "\nnot verified: " + strings.Join(names, ", ")
		} else {
			s += "\n未经核实的参数：" + strings.Join(names, "，")
		}
	}
	return s
}

// ParamSet is a parsed parameter file: for each parameter, its description
// and unit, and per programme a list of values keyed by the date each takes
// effect, with source and confidence. It is immutable once parsed and safe
// for concurrent use.
//
// The file format is YAML (a superset of JSON, so a JSON file works too):
//
//	package: hub
//	parameters:
//	  form.branch_min_formal_members:
//	    description: {zh: 单独组建党支部所需正式党员数, en: formal members needed for an own branch}
//	    unit: members
//	    values:
//	      - programme: national
//	        from: 2018-10-28
//	        value: 3
//	        confidence: verified
//	        source: {document: 《中国共产党支部工作条例（试行）》, clause: 第四条}
//
// Amounts and rates are written as quoted strings ("0.10", "15000000.00"):
// a float anywhere in a value is an error, because YAML and JSON floats lose
// exactness. A value of null repeals the parameter from that date. A file is
// data only: nothing in it is ever evaluated as an expression or code.
type ParamSet struct {
	pkg      string
	digest   string
	params   map[string]*paramDef
	warnings []FieldError
}

type paramDef struct {
	desc   Text
	unit   string
	values []paramValue // sorted by programme, then from
}

type paramValue struct {
	programme   Programme
	from        Date
	fromAssumed bool
	node        *yaml.Node // nil: repealed
	raw         string
	json        JSONValue
	confidence  Confidence
	source      Source
	note        string
}

// ref returns the value as a ParamRef of parameter name.
func (v paramValue) ref(name, unit string) ParamRef {
	return ParamRef{Name: name, Programme: v.programme, From: v.from, FromAssumed: v.fromAssumed, Value: v.raw, JSON: v.json, Unit: unit,
		Confidence: v.confidence, Source: v.source, Note: v.note}
}

// dated is a programme and an effective date: one value at most per
// parameter.
type dated struct {
	programme Programme
	from      Date
}

type fileDoc struct {
	Package    string             `yaml:"package"`
	Parameters map[string]fileDef `yaml:"parameters"`
}

type fileDef struct {
	Description Text        `yaml:"description"`
	Unit        string      `yaml:"unit"`
	Values      []fileValue `yaml:"values"`
}

type fileValue struct {
	Programme   string    `yaml:"programme"`
	From        string    `yaml:"from"`
	FromAssumed bool      `yaml:"from_assumed"`
	Value       yaml.Node `yaml:"value"`
	Confidence  string    `yaml:"confidence"`
	Source      Source    `yaml:"source"`
	Note        string    `yaml:"note"`
}

// ParseParams parses a parameter file. Every problem — a missing field, an
// unknown programme or confidence, a malformed date, a float amount, two
// values of one programme on one date, an unknown key — is reported in one
// *InputError naming each field.
//
// Aliases (*name) are expanded into the node their anchor (&name) names.
// The expansion of the whole file is bounded: aliases may add at most
// MaxAliasNodes nodes and MaxAliasBytes bytes of scalar text to it, and an
// alias inside the node its own anchor names (a cycle) is refused, each with
// the path of the alias.
func ParseParams(data []byte) (*ParamSet, error) {
	if len(data) > MaxParamBytes {
		return nil, paramSizeError()
	}
	// Before anything follows an alias (yaml's decoding into structs below,
	// expandAliases), make sure the expansion is bounded. Every alias
	// begins with '*': a file without one is not parsed twice.
	if bytes.IndexByte(data, '*') >= 0 {
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			return nil, paramSyntaxError(data, err)
		}
		if err := checkAliases(&root); err != nil {
			return nil, err
		}
	}
	var doc fileDoc
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, paramSyntaxError(data, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, NewInputError(FieldError{Code: "syntax",
			Message: T("参数文件只能有一个 YAML 文档", "a parameter file holds one YAML document only")})
	}
	var p Problems
	if doc.Package == "" {
		p.Add("package", "required", "", T("缺少 package（规则包名）", "package (the rule package name) is missing"))
	}
	if len(doc.Parameters) == 0 {
		p.Add("parameters", "required", "", T("参数文件没有任何参数", "the parameter file defines no parameters"))
	}
	sum := sha256.Sum256(data)
	set := &ParamSet{pkg: doc.Package, digest: "sha256:" + hex.EncodeToString(sum[:]), params: make(map[string]*paramDef, len(doc.Parameters))}
	for _, name := range sortedKeys(doc.Parameters) {
		fd := doc.Parameters[name]
		path := "parameters." + name
		if fd.Description.ZH == "" {
			p.Add(path+".description.zh", "required", "", T("缺少中文说明", "the Chinese description is missing"))
		}
		if len(fd.Values) == 0 {
			p.Add(path+".values", "required", "", T("参数没有任何取值", "the parameter has no values"))
		}
		def := &paramDef{desc: fd.Description, unit: fd.Unit}
		// One lookup per value: comparing each value with every earlier
		// one took half a minute for a century of daily values.
		seen := make(map[dated]bool, len(fd.Values))
		latest := map[Programme]Date{}
		for i, fv := range fd.Values {
			vp := Index(path+".values", i)
			pv := paramValue{programme: Programme(fv.Programme), fromAssumed: fv.FromAssumed, confidence: Confidence(fv.Confidence),
				source: fv.Source.Normalize(), note: fv.Note}
			if !pv.programme.Valid() {
				p.Add(vp+".programme", "enum", fv.Programme, T("未知的项目代码 "+quote(fv.Programme), "unknown programme "+quote(fv.Programme)))
			}
			if fv.From == "" {
				p.Add(vp+".from", "required", "", T("缺少生效日期 from", "the effective date from is missing"))
			} else if d, err := ParseDate(fv.From); err != nil {
				p.Add(vp+".from", "date", fv.From, T("生效日期应写作 YYYY-MM-DD："+fv.From, "the effective date must be YYYY-MM-DD: "+fv.From))
			} else {
				pv.from = d
			}
			if !pv.confidence.Valid() {
				p.Add(vp+".confidence", "enum", fv.Confidence, UnknownCode("confidence", fv.Confidence, Confidence(fv.Confidence)))
			}
			if pv.source.Title.ZH == "" {
				p.Add(vp+".source.title", "required", "", T("缺少来源文件标题 source.title", "the source's title source.title is missing"))
			} else {
				set.warnings = append(set.warnings, sourceWarnings(vp, pv)...)
			}
			switch {
			case fv.Value.Kind == 0:
				p.Add(vp+".value", "required", "", T("缺少取值 value（撤销请写 null）", "value is missing (write null to repeal)"))
			case fv.Value.Tag == "!!null":
				// repealed from this date
			default:
				// Aliases (*name) are expanded first, so that a float
				// cannot hide behind one and the recorded value is the
				// value itself.
				fv.Value = *expandAliases(&fv.Value)
				if bad := findFloat(&fv.Value); bad != "" {
					p.Add(vp+".value", "float", bad, T("金额和比例必须写成带引号的字符串，不能写浮点数："+bad, "amounts and rates must be quoted strings, not floats: "+bad))
				}
				node := fv.Value
				pv.node = &node
				if v, err := jsonValue(&node); err != nil {
					p.Add(vp+".value", "number", "", T("取值中有 JSON 无法表示的数（请写成十进制整数或加引号）", "the value holds a number JSON cannot carry (write a decimal integer or quote it)"))
				} else {
					pv.json, pv.raw = v, v.Text()
				}
			}
			if !pv.from.IsZero() && pv.programme.Valid() {
				// A programme's values are listed in the order they took
				// effect: one that goes back in time or repeats a date is
				// refused with both dates, since a reader of the file would
				// take the later line as the later text.
				k := dated{pv.programme, pv.from}
				last, ok := latest[pv.programme]
				switch {
				case seen[k]:
					p.Add(vp+".from", "duplicate", fv.From, T("参数 "+name+" 的项目 "+fv.Programme+" 在同一生效日期 "+fv.From+" 有两个取值",
						"parameter "+name+" has two values of programme "+fv.Programme+" on one effective date, "+fv.From))
				case ok && pv.from.Before(last):
					p.AddField(FieldError{Path: vp + ".from", Code: "order", Value: fv.From, Param: last.String(),
						Message: T("参数 "+name+" 的项目 "+fv.Programme+" 的取值须按生效日期先后排列："+fv.From+" 排在 "+last.String()+" 之后",
							"the values of parameter "+name+" for programme "+fv.Programme+" must be listed in the order they take effect: "+fv.From+" comes after "+last.String())})
				}
				seen[k] = true
				if !ok || pv.from.After(last) {
					latest[pv.programme] = pv.from
				}
			}
			def.values = append(def.values, pv)
		}
		sort.SliceStable(def.values, func(i, j int) bool {
			a, b := def.values[i], def.values[j]
			if a.programme != b.programme {
				return a.programme < b.programme
			}
			return a.from.Before(b.from)
		})
		set.params[name] = def
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return set, nil
}

// MustParseParams is ParseParams for files embedded in the library; it panics
// on a malformed file, which the library's own tests rule out.
func MustParseParams(data []byte) *ParamSet {
	s, err := ParseParams(data)
	if err != nil {
		panic(err)
	}
	return s
}

// Package returns the rule package the file is for.
func (s *ParamSet) Package() string { return s.pkg }

// Names returns the parameter names, sorted.
func (s *ParamSet) Names() []string { return sortedKeys(s.params) }

// Description returns a parameter's description and unit.
func (s *ParamSet) Description(name string) (Text, string) {
	if d, ok := s.params[name]; ok {
		return d.desc, d.unit
	}
	return Text{}, ""
}

// Values returns every value of a parameter in the file, for every programme
// and date, as ParamRefs (for listing and docs).
func (s *ParamSet) Values(name string) []ParamRef {
	d, ok := s.params[name]
	if !ok {
		return nil
	}
	out := make([]ParamRef, len(d.values))
	for i, v := range d.values {
		out[i] = v.ref(name, d.unit)
	}
	return out
}

// Overlay returns a new set with the values of over added to s: for a
// parameter both define, over's values for a programme replace s's values
// for that programme. This is how a user's own file refines the shipped
// defaults (a city's bands, a new year's fund). Neither input is modified.
func (s *ParamSet) Overlay(over *ParamSet) *ParamSet {
	if over == nil {
		return s
	}
	sum := sha256.Sum256([]byte(s.digest + "+" + over.digest))
	out := &ParamSet{pkg: s.pkg, digest: "sha256:" + hex.EncodeToString(sum[:]), params: make(map[string]*paramDef, len(s.params)),
		warnings: append(append([]FieldError(nil), s.warnings...), over.warnings...)}
	for k, v := range s.params {
		out.params[k] = v
	}
	for name, od := range over.params {
		base, ok := out.params[name]
		if !ok {
			out.params[name] = od
			continue
		}
		merged := &paramDef{desc: base.desc, unit: base.unit}
		if !od.desc.IsZero() {
			merged.desc = od.desc
		}
		if od.unit != "" {
			merged.unit = od.unit
		}
		replaced := map[Programme]bool{}
		for _, v := range od.values {
			replaced[v.programme] = true
		}
		for _, v := range base.values {
			if !replaced[v.programme] {
				merged.values = append(merged.values, v)
			}
		}
		merged.values = append(merged.values, od.values...)
		sort.SliceStable(merged.values, func(i, j int) bool {
			a, b := merged.values[i], merged.values[j]
			if a.programme != b.programme {
				return a.programme < b.programme
			}
			return a.from.Before(b.from)
		})
		out.params[name] = merged
	}
	return out
}

// Lookup returns the value of name in effect for programme on date: the
// programme's latest value from on or before date, else National's. A date
// before the first value, a repealed parameter and an unknown name are
// errors.
func (s *ParamSet) Lookup(name string, programme Programme, date Date) (ParamRef, error) {
	v, err := s.lookup(name, programme, date)
	if err != nil {
		return ParamRef{}, err
	}
	return v.ref(name, s.params[name].unit), nil
}

func (s *ParamSet) lookup(name string, programme Programme, date Date) (paramValue, error) {
	v, u, err := s.find(name, programme, date)
	if err != nil {
		return paramValue{}, err
	}
	if u == nil {
		return v, nil
	}
	if !u.Repealed.IsZero() {
		return paramValue{}, NewInputError(FieldError{Path: "parameters." + name, Code: "repealed", Value: u.Repealed.String(),
			Message: T("参数 "+name+" 已于 "+u.Repealed.String()+" 废止（项目 "+string(programme)+"）", "parameter "+name+" was repealed on "+u.Repealed.String()+" (programme "+string(programme)+")")})
	}
	first := u.Starts.String()
	return paramValue{}, NewInputError(FieldError{Path: "parameters." + name, Code: "before_first", Value: date.String(), Param: first,
		Message: T("参数 "+name+" 在 "+date.String()+" 尚无取值（项目 "+string(programme)+"，最早生效日 "+first+"）",
			"parameter "+name+" has no value on "+date.String()+" (programme "+string(programme)+", first effective "+first+")")})
}

// find returns the value of name in effect for programme on date, or, when
// it has none there, the Unset that says when it has one.
func (s *ParamSet) find(name string, programme Programme, date Date) (paramValue, *Unset, error) {
	d, ok := s.params[name]
	if !ok {
		return paramValue{}, nil, NewInputError(FieldError{Path: "parameters." + name, Code: "unknown_param", Value: name,
			Message: T("参数文件中没有参数 "+name, "the parameter file has no parameter "+name)})
	}
	if date.IsZero() {
		return paramValue{}, nil, NewInputError(FieldError{Path: "date", Code: "required",
			Message: T("查询参数需要日期", "a date is needed to look up parameters")})
	}
	if !programme.Valid() {
		return paramValue{}, nil, NewInputError(FieldError{Path: "programme", Code: "enum", Value: string(programme),
			Message: T("未知的项目代码 "+quote(string(programme)), "unknown programme "+quote(string(programme)))})
	}
	u := &Unset{Name: name}
	for _, prog := range [2]Programme{programme, National} {
		var found *paramValue
		for i := range d.values {
			v := &d.values[i]
			if v.programme == prog && !v.from.After(date) {
				found = v
			}
		}
		if found == nil {
			continue
		}
		if found.node == nil {
			u.Repealed = found.from
			break
		}
		return *found, nil, nil
	}
	// The first later value of the programme or National.
	for _, v := range d.values {
		if (v.programme == programme || v.programme == National) && v.node != nil && v.from.After(date) {
			if u.Starts.IsZero() || v.from.Before(u.Starts) {
				u.Starts = v.from
			}
		}
	}
	return paramValue{}, u, nil
}

// Resolve fills the struct dst points to with the values in effect for
// programme on date. Each field to fill carries the tag `param:"name"`. A
// parameter with no value on date — not yet in force, or repealed — is not
// an error: its field is left at its zero value, it is listed in
// Basis.Missing with the date it starts, and each rule that needs it
// answers NotInForce itself while the package's other rules are decided
// normally (a parameter of one rule never stops another). The tag option
// `,optional` is still read and means the same. A field may be any type the
// YAML value decodes into (int, string, bool, slices, structs,
// decimal.Decimal from a quoted string, Date from "YYYY-MM-DD"). Fields
// without the tag are left as they are. After filling, the `validate` tags
// of the fields filled are checked. The returned Basis records every value
// used with its provenance.
func (s *ParamSet) Resolve(programme Programme, date Date, dst any) (Basis, error) {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return Basis{}, fmt.Errorf("hubrules: Resolve needs a pointer to a struct, got %T", dst)
	}
	var p Problems
	if !programme.Valid() {
		p.Add("programme", "enum", string(programme), T("未知的项目代码 "+quote(string(programme)), "unknown programme "+quote(string(programme))))
		return Basis{}, p.Err()
	}
	if date.IsZero() {
		p.Add("date", "required", "", T("解析参数需要日期", "a date is needed to resolve parameters"))
		return Basis{}, p.Err()
	}
	b := Basis{Programme: programme, AsOf: date}
	rv = rv.Elem()
	rt := rv.Type()
	var unset []int
	for i := 0; i < rt.NumField(); i++ {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("param"), ",")
		if name == "" {
			continue
		}
		if !rt.Field(i).IsExported() {
			return Basis{}, fmt.Errorf("hubrules: Resolve: field %s of %T carries a param tag but is not exported", rt.Field(i).Name, dst)
		}
		// Start from the zero value: YAML would merge into a non-nil map,
		// and a parameter not in force must not keep an earlier value.
		rv.Field(i).Set(reflect.Zero(rv.Field(i).Type()))
		v, u, err := s.find(name, programme, date)
		if err != nil {
			p.Merge("", err)
			continue
		}
		if u != nil {
			b.Missing = append(b.Missing, *u)
			unset = append(unset, i)
			continue
		}
		if err := decodeNode(v.node, rv.Field(i).Addr().Interface()); err != nil {
			p.Add("parameters."+name+".value", "type", v.raw,
				T("参数 "+name+" 的取值类型不对："+err.Error(), "parameter "+name+" has a value of the wrong type: "+err.Error()))
			continue
		}
		if v.from.After(b.Effective) {
			b.Effective = v.from
		}
		b.Params = append(b.Params, v.ref(name, s.params[name].unit))
	}
	if err := p.Err(); err != nil {
		return Basis{}, err
	}
	if err := validateExcept(dst, unset); err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			for i := range ie.Fields {
				ie.Fields[i].Path = "parameters." + ie.Fields[i].Path
			}
		}
		return Basis{}, err
	}
	return b, nil
}

var dateType = reflect.TypeOf(Date{})

// decodeNode decodes a YAML value into dst, reading Dates and TextUnmarshalers
// from the scalar's text so that "2026-03-01" and "15000000.00" keep their
// exact form.
func decodeNode(n *yaml.Node, dst any) error {
	if d, ok := dst.(*Date); ok {
		if n.Kind != yaml.ScalarNode {
			return errors.New("want a date YYYY-MM-DD")
		}
		v, err := ParseDate(n.Value)
		if err != nil {
			return err
		}
		*d = v
		return nil
	}
	_ = dateType
	return n.Decode(dst)
}

// expandAliases returns a copy of n with every alias replaced by a copy of
// the node it names (anchors dropped). checkAliases has made sure that the
// file has no alias cycle and that the expansion is bounded.
func expandAliases(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return expandAliases(n.Alias)
	}
	c := *n
	c.Anchor = ""
	if n.Kind == yaml.AliasNode {
		c = yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = expandAliases(k)
		}
	}
	return &c
}

// findFloat returns the text of the first float scalar in n, or "". A float
// tag makes a float even of a quoted scalar (!!float "0.10").
func findFloat(n *yaml.Node) string {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!float" {
		return n.Value
	}
	for _, c := range n.Content {
		if s := findFloat(c); s != "" {
			return s
		}
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonValue returns the typed JSON form of a parameter value (see
// ParamRef.JSON), as internal/yamljson writes it: a mapping becomes an
// object in the file's key order, a sequence an array, an integer a
// number, a boolean a boolean, null null, and every other scalar (quoted
// text, decimals, dates) a string. Floats were refused before.
func jsonValue(n *yaml.Node) (JSONValue, error) {
	var b bytes.Buffer
	if err := yamljson.Write(&b, n, 0); err != nil {
		return "", err
	}
	return JSONValue(b.String()), nil
}

// JSONValue is one JSON value as compact text ("3", "\"0.10\"",
// "[1,2]"). Being a string it is immutable: a ParamRef shares no memory a
// caller could change, and stays comparable. The empty JSONValue is
// written as null.
type JSONValue string

// JSONSchema says that a parameter's value may be any JSON value
// (JSONSchemer): its shape is the parameter's own.
func (JSONValue) JSONSchema() map[string]any {
	return map[string]any{"description": "参数取值，类型随参数而定：整数为数，列表与映射为数组与对象，精确小数、金额、代码为字符串 / the parameter's value, typed as the parameter is: integers as numbers, lists and maps as arrays and objects, exact decimals, amounts and codes as strings"}
}

// MarshalJSON writes the value as it is.
func (v JSONValue) MarshalJSON() ([]byte, error) {
	if v == "" {
		return []byte("null"), nil
	}
	return []byte(v), nil
}

// Text returns the value as text: a string's content, or the JSON text of
// any other value ("3", "[1,2]"). It is ParamRef.Value.
func (v JSONValue) Text() string {
	var s string
	if json.Unmarshal([]byte(v), &s) == nil {
		return s
	}
	return string(v)
}

// UnmarshalJSON keeps the value's text, compacted.
func (v *JSONValue) UnmarshalJSON(data []byte) error {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return err
	}
	*v = JSONValue(unescapeHTML(b.Bytes()))
	return nil
}

// unescapeHTML undoes the escapes json.Marshal adds for HTML (\u003c,
// \u003e, \u0026; \u2028 and \u2029 are escaped by every encoder), so
// that a value read back is the text jsonValue wrote.
func unescapeHTML(b []byte) string {
	var out strings.Builder
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 >= len(b) {
			out.WriteByte(b[i])
			continue
		}
		if b[i+1] == 'u' && i+6 <= len(b) {
			switch strings.ToLower(string(b[i+2 : i+6])) {
			case "003c":
				out.WriteByte('<')
				i += 5
				continue
			case "003e":
				out.WriteByte('>')
				i += 5
				continue
			case "0026":
				out.WriteByte('&')
				i += 5
				continue
			}
		}
		out.WriteByte(b[i])
		out.WriteByte(b[i+1])
		i++
	}
	return out.String()
}

// MarshalJSON writes the reference with its typed value (JSON) under
// "value", or Value as a string when JSON is empty.
func (r ParamRef) MarshalJSON() ([]byte, error) {
	type plain ParamRef
	if r.JSON == "" {
		v, err := json.Marshal(r.Value)
		if err != nil {
			return nil, err
		}
		r.JSON = JSONValue(v)
	}
	return json.Marshal(plain(r))
}

// UnmarshalJSON reads a reference written by MarshalJSON: JSON is the
// value as written, and Value its text (JSONValue.Text).
func (r *ParamRef) UnmarshalJSON(data []byte) error {
	type plain ParamRef
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return err
	}
	*r = ParamRef(p)
	r.Value = r.JSON.Text()
	return nil
}
