package main

import (
	"encoding/json"
	"math/big"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/grading"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/internal/jsonl"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/shopspring/decimal"
)

// schemaName is the file name of a command's input schema: "check sync" →
// "check-sync"; its output schema is "check-sync.output".
func schemaName(path string) string { return strings.ReplaceAll(path, " ", "-") }

// outputSuffix ends the name of an output schema ("grade.output").
const outputSuffix = ".output"

const draft2020 = "https://json-schema.org/draft/2020-12/schema"

// inputSchema returns the JSON Schema (draft 2020-12) of a command's input,
// generated from its Go type by schemaFor.
func inputSchema(c command) map[string]any {
	s := schemaFor(reflect.TypeOf(c.input()).Elem(), schemaInput)
	s["$schema"] = draft2020
	s["title"] = "hubrules " + c.path + " input"
	s["description"] = c.summary.ZH + " / " + c.summary.EN
	return s
}

// outputSchema returns the JSON Schema of what a command writes for one
// input (one line with --jsonl), generated from the Go type of its result.
//
// To write the results in an envelope type, set outputEnvelope: the
// schema is then the envelope's, with its "result" property the kind's.
func outputSchema(c command) map[string]any {
	g := schemaGen{mode: schemaOutput, defs: map[string]any{}}
	types := resultTypes[c.path]
	var s map[string]any
	if len(types) == 1 {
		s = g.build(types[0])
	} else {
		var alts []any
		for _, t := range types {
			alts = append(alts, g.of(t))
		}
		s = map[string]any{"oneOf": alts}
	}
	for _, alt := range alternatives(s) {
		omitMembers(alt, g.defs, resultOmitted[c.path])
	}
	if outputEnvelope != nil {
		env := g.build(outputEnvelope)
		props := env["properties"].(map[string]any)
		props["result"] = s
		// MarshalJSON writes them as arrays even when nil.
		for _, k := range []string{"checks", "findings"} {
			if p, ok := props[k].(map[string]any); ok {
				p["type"] = "array"
			}
		}
		s = env
	}
	if len(g.defs) > 0 {
		s["$defs"] = g.defs
	}
	s["$schema"] = draft2020
	s["title"] = "hubrules " + c.path + " output"
	s["description"] = c.summary.ZH + " / " + c.summary.EN
	return s
}

// alternatives returns the object schemas of s: s itself, or each of its
// oneOf.
func alternatives(s map[string]any) []map[string]any {
	alts, ok := s["oneOf"].([]any)
	if !ok {
		return []map[string]any{s}
	}
	var out []map[string]any
	for _, a := range alts {
		if m, ok := a.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// omitMembers removes the members at paths from the object schema s: a
// top-level member from its properties and required; a nested one ("a.b",
// following $ref into defs) from the required list only.
func omitMembers(s map[string]any, defs map[string]any, paths []string) {
	if ref, ok := s["$ref"].(string); ok {
		if d, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); ok {
			s = d
		}
	}
	for _, path := range paths {
		obj := s
		parts := strings.Split(path, ".")
		for _, part := range parts[:len(parts)-1] {
			props, _ := obj["properties"].(map[string]any)
			next, _ := props[part].(map[string]any)
			if ref, ok := next["$ref"].(string); ok {
				next, _ = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			}
			if next == nil {
				break
			}
			obj = next
		}
		last := parts[len(parts)-1]
		if len(parts) == 1 {
			if props, ok := obj["properties"].(map[string]any); ok {
				delete(props, last)
			}
		}
		if req, ok := obj["required"].([]string); ok {
			kept := req[:0:0]
			for _, r := range req {
				if r != last {
					kept = append(kept, r)
				}
			}
			obj["required"] = kept
		}
	}
}

// resultTypes are the Go types of each kind's result (its Outcome.Value in
// internal/kinds; a test checks them against the values Eval returns for
// the sample inputs). A kind with two result shapes lists both.
var resultTypes = map[string][]reflect.Type{
	"check sync":       {reflect.TypeOf(hub.SyncResult{})},
	"check coverage":   {reflect.TypeOf(hub.CoverageResult{})},
	"check statistics": {reflect.TypeOf(hub.Statistics{})},
	"check structure":  {reflect.TypeOf(hub.StructureResult{})},
	"check forms":      {reflect.TypeOf(kinds.FormsResult{})},
	"grade":            {reflect.TypeOf(grading.Result{})},
	"grade standing":   {reflect.TypeOf(grading.StandingResult{})},
	"grade annual":     {reflect.TypeOf(grading.AnnualResult{})},
	"whatif":           {reflect.TypeOf(grading.WhatIfResult{})},
	"incubate":         {reflect.TypeOf(kinds.IncubateResult{})},
	"fund fee":         {reflect.TypeOf(funding.FeeResult{})},
	"fund venture":     {reflect.TypeOf(funding.VentureResult{})},
	"fund charity":     {reflect.TypeOf(funding.CharityResult{})},
	"fund donate":      {reflect.TypeOf(funding.EnterpriseDonationResult{}), reflect.TypeOf(funding.IndividualDonationResult{})},
	"fund allocate":    {reflect.TypeOf(kinds.AllocateResult{})},
	"fund ledger":      {reflect.TypeOf(funding.Ledger{})},
	// The kinds that reach the rules no kind above checks (issue 18, item 6).
	"check governance":  {reflect.TypeOf(kinds.GovernanceResult{})},
	"check centre":      {reflect.TypeOf(kinds.CentreResult{})},
	"check day":         {reflect.TypeOf(hub.DayResult{})},
	"check xiyuan":      {reflect.TypeOf(kinds.XiyuanResult{})},
	"fund support":      {reflect.TypeOf(funding.SupportPeriod{})},
	"fund purchase":     {reflect.TypeOf(funding.Contract{})},
	"fund follow":       {reflect.TypeOf(funding.FollowResult{})},
	"fund pay":          {reflect.TypeOf(funding.PayResult{})},
	"fund allowance":    {reflect.TypeOf(funding.AllowanceResult{})},
	"fund start":        {reflect.TypeOf(funding.StartResult{})},
	"fund found":        {reflect.TypeOf(funding.FoundationResult{})},
	"grade stars":       {reflect.TypeOf(grading.StarResult{})},
	"grade norms":       {reflect.TypeOf(grading.NormResult{})},
	"incubate classify": {reflect.TypeOf(kinds.ClassifyResult{})},
	"incubate path":     {reflect.TypeOf(kinds.PathResult{})},
}

// resultOmitted are the members of each kind's result that the envelope
// holds instead (kinds.Trimmed leaves them out of "result"; a test checks
// them against what Eval returns). A member of a nested object ("a.b") is
// made optional there rather than removed, since its definition may be
// shared.
var resultOmitted = map[string][]string{
	"check sync":       {"programme", "as_of", "compliant", "basis"},
	"check coverage":   {"report"},
	"check statistics": {"report"},
	"check structure":  {"report"},
	"check forms":      {"report"},
	"grade":            {"basis", "checks", "findings"},
	"grade standing":   {"as_of", "basis", "validity_basis", "checks", "findings"},
	"grade annual":     {"basis", "check", "findings"},
	"whatif":           {"base_basis"},
	"incubate":         {"decision.basis"},
	"fund fee":         {"basis", "checks", "findings"},
	"fund venture":     {"basis", "checks", "findings"},
	"fund charity":     {"basis", "checks", "findings"},
	"fund donate":      {"basis", "checks", "findings"},
	"fund ledger":      {"basis", "checks", "findings"},
	// The kinds that reach the rules no kind above checks (issue 18, item 6).
	"check governance": {"report", "functions.report", "board.report"},
	"check centre":     {"report"},
	"check day":        {"report"},
	"check xiyuan":     {"report"},
	"fund support":     {"basis", "checks", "findings"},
	"fund purchase":    {"basis", "checks", "findings"},
	"fund follow":      {"basis", "checks", "findings"},
	"fund pay":         {"basis", "checks", "findings"},
	"fund allowance":   {"basis", "checks", "findings"},
	"fund start":       {"basis", "checks", "findings"},
	"fund found":       {"basis", "checks", "findings"},
	"grade stars":      {"basis", "check", "findings"},
	"grade norms":      {"basis", "check", "findings"},
	"incubate path":    {"step.finding"},
}

// outputEnvelope is the Go type every result is wrapped in: the one
// decision envelope of every kind.
var outputEnvelope = reflect.TypeOf(hubrules.Decision{})

// schemaMode says whether a schema describes what the decoder accepts
// (input) or what encoding/json writes (output).
type schemaMode int

const (
	// schemaInput: `required` and bounds come from the validate tags, an
	// enum or date not required may be "" (the decoder reads it as unset).
	schemaInput schemaMode = iota
	// schemaOutput: every field without omitempty is required, nil slices,
	// maps and pointers are null.
	schemaOutput
)

// schemaFor returns the JSON Schema (draft 2020-12) of Go type t as the
// decoder reads it (schemaInput) or encoding/json writes it (schemaOutput):
// properties by their JSON names, additionalProperties false on every
// object (the decoder refuses unknown fields), enum codes with their labels
// (hubrules.Coded), value types' own schemas (hubrules.JSONSchemer) and
// shapes (hubrules.JSONShaper).
func schemaFor(t reflect.Type, mode schemaMode) map[string]any {
	g := schemaGen{mode: mode, defs: map[string]any{}}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := g.build(t)
	if len(g.defs) > 0 {
		s["$defs"] = g.defs
	}
	return s
}

type schemaGen struct {
	mode schemaMode
	// defs are the schemas of the named types met, by defName.
	defs map[string]any
}

var (
	schemerType = reflect.TypeOf((*hubrules.JSONSchemer)(nil)).Elem()
	shaperType  = reflect.TypeOf((*hubrules.JSONShaper)(nil)).Elem()
	coderType   = reflect.TypeOf((*hubrules.Coded)(nil)).Elem()
	textType    = reflect.TypeOf(hubrules.Text{})
	dateType    = reflect.TypeOf(hubrules.Date{})
	decimalType = reflect.TypeOf(decimal.Decimal{})
)

// zeroOf returns the zero value of t as an interface, for the methods of
// JSONSchemer, JSONShaper and Coded.
func zeroOf(t reflect.Type) any { return reflect.New(t).Elem().Interface() }

// defName is the name of t's schema under $defs ("funding.Money"), or ""
// for a type that is written in place (unnamed, or a plain Go type).
func defName(t reflect.Type) string {
	if t.Name() == "" || t.PkgPath() == "" || strings.ContainsAny(t.Name(), "[]") {
		return ""
	}
	if t.Kind() != reflect.Struct && !t.Implements(schemerType) && !t.Implements(coderType) && !t.Implements(shaperType) {
		return ""
	}
	pkg := t.PkgPath()
	if i := strings.LastIndexByte(pkg, '/'); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + t.Name()
}

// of returns a reference to the schema of a named type (kept once under
// $defs), or the schema itself.
func (g *schemaGen) of(t reflect.Type) map[string]any {
	if t.Kind() == reflect.Pointer {
		return g.of(t.Elem())
	}
	name := defName(t)
	if name == "" {
		return g.build(t)
	}
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = map[string]any{} // a recursive type refers to itself
		g.defs[name] = g.build(t)
	}
	return map[string]any{"$ref": "#/$defs/" + name}
}

func (g *schemaGen) build(t reflect.Type) map[string]any {
	if t == decimalType {
		// shopspring's decimal reads a quoted or bare number, exponents
		// included.
		return map[string]any{"type": []string{"string", "number"},
			"pattern": `^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`, "description": "exact decimal, like \"87.5\""}
	}
	if t.Implements(schemerType) {
		return zeroOf(t).(hubrules.JSONSchemer).JSONSchema()
	}
	if t.Implements(shaperType) {
		return g.build(reflect.TypeOf(zeroOf(t).(hubrules.JSONShaper).JSONShape()))
	}
	if t.Implements(coderType) {
		return enumSchema(t)
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		// The decoder refuses a number its Go type cannot hold.
		bits := t.Bits()
		return map[string]any{"type": "integer", "minimum": json.Number("-" + new(big.Int).Lsh(big.NewInt(1), uint(bits-1)).String()),
			"maximum": json.Number(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(bits-1)), big.NewInt(1)).String())}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer", "minimum": 0,
			"maximum": json.Number(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), uint(t.Bits())), big.NewInt(1)).String())}
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": g.of(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.Interface:
		return map[string]any{}
	case reflect.Struct:
		props := map[string]any{}
		required := []string{}
		g.fields(t, props, &required)
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			sort.Strings(required)
			s["required"] = required
		}
		if t == textType {
			s["description"] = "中文与英文 / Chinese and English"
		}
		return s
	}
	return map[string]any{}
}

// enumSchema lists the codes of an enum type, each with its label (the
// type's Name or Text, in Chinese and English) in "x-labels" and, for editors, in
// "enumDescriptions".
func enumSchema(t reflect.Type) map[string]any {
	coded := zeroOf(t).(hubrules.Coded).Codes()
	codes := make([]string, len(coded))
	labels := map[string]any{}
	descs := make([]string, len(coded))
	for i, c := range coded {
		codes[i] = c.Code
		labels[c.Code] = map[string]string{"zh": c.Name.ZH, "en": c.Name.EN}
		descs[i] = c.Name.ZH + " / " + c.Name.EN
	}
	return map[string]any{"type": "string", "enum": codes, "x-labels": labels, "enumDescriptions": descs}
}

// fields adds the properties of struct t's fields, and of its embedded
// structs' fields, as encoding/json sees them.
func (g *schemaGen) fields(t reflect.Type, props map[string]any, required *[]string) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				g.fields(ft, props, required)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		tag := f.Tag.Get("validate")
		omit := hasOpt(opts, "omitempty")
		var req bool
		if g.mode == schemaInput {
			own, _, _ := splitDive(tag)
			req = hasOpt(own, "required")
		} else {
			req = !omit && !hasOpt(opts, "omitzero")
		}
		fs := g.field(f.Type, tag, req, omit)
		if hasOpt(opts, "string") {
			fs = map[string]any{"type": "string", "description": "a JSON string holding the value"}
		}
		if doc := f.Tag.Get("doc"); doc != "" {
			// What the field means, and for an optional field what its
			// absence means (the doc tag of the Go field).
			with := make(map[string]any, len(fs)+1)
			for k, v := range fs {
				with[k] = v
			}
			with["description"] = doc
			fs = with
		}
		props[name] = fs
		if req {
			*required = append(*required, name)
		}
	}
}

// field returns the schema of a field of type t with the validate tag and
// whether it is required (input) or always written (output).
func (g *schemaGen) field(t reflect.Type, tag string, required, omitempty bool) map[string]any {
	s := g.of(t)
	own, elem, dive := splitDive(tag)
	bounds(s, own)
	if (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && dive && elem != "" {
		items := s["items"].(map[string]any)
		bounds(items, elem)
		if hasOpt(elem, "required") && t.Elem().Kind() == reflect.String {
			setIfAbsent(items, "minLength", 1)
		}
		if base := t.Elem(); base.Implements(coderType) && !hasOpt(elem, "enum") && g.mode == schemaInput {
			s["items"] = g.orEmpty(items, base)
		}
	}
	base := t
	if base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	switch g.mode {
	case schemaInput:
		switch {
		case base.Implements(coderType) && (!hasOpt(own, "enum") || hasOpt(own, "omitempty")) && !hasOpt(own, "required"):
			// An enum the decoder does not check, or checks only when
			// set: "" reads as unset.
			s = g.orEmpty(s, base)
		case base == dateType && !hasOpt(own, "required"):
			s = map[string]any{"anyOf": []any{s, map[string]any{"const": "", "description": "no date"}}}
		case required && base.Kind() == reflect.String && t.Kind() != reflect.Pointer:
			setIfAbsent(s, "minLength", 1)
		case required && isInt(base) && t.Kind() != reflect.Pointer:
			s["not"] = map[string]any{"const": 0}
		}
		if hasOpt(own, "omitempty") {
			s = zeroAllowed(s, base)
		}
	case schemaOutput:
		switch {
		case base == dateType:
			// encoding/json writes a zero Date as "" (omitempty does not
			// omit a struct).
			s = map[string]any{"anyOf": []any{s, map[string]any{"const": "", "description": "no date"}}}
		case !omitempty && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map):
			s = nullable(s)
		case !omitempty && base.Implements(coderType):
			s = g.orEmpty(s, base)
		}
	}
	return s
}

// splitDive splits a validate tag into the field's own rules and those of
// its elements (after "dive").
func splitDive(tag string) (own, elem string, dive bool) {
	own, elem, dive = strings.Cut(","+tag+",", ",dive,")
	return strings.Trim(own, ","), strings.Trim(elem, ","), dive
}

func isInt(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return !t.Implements(schemerType)
	}
	return false
}

func hasOpt(list, opt string) bool {
	for _, o := range strings.Split(list, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

func setIfAbsent(s map[string]any, k string, v any) {
	if _, ok := s[k]; !ok {
		s[k] = v
	}
}

// orEmpty lets an enum's schema (in place or a reference) also be "",
// unless "" is one of its codes.
func (g *schemaGen) orEmpty(s map[string]any, t reflect.Type) map[string]any {
	for _, c := range zeroOf(t).(hubrules.Coded).Codes() {
		if c.Code == "" {
			return s
		}
	}
	return map[string]any{"anyOf": []any{s, map[string]any{"const": "", "description": "未填 / not set"}}}
}

// nullable lets s also be null (a nil slice, map or pointer).
func nullable(s map[string]any) map[string]any {
	if typ, ok := s["type"].(string); ok {
		if _, ok := s["enum"]; !ok && typ != "object" {
			out := make(map[string]any, len(s))
			for k, v := range s {
				out[k] = v
			}
			out["type"] = []string{typ, "null"}
			return out
		}
	}
	return map[string]any{"anyOf": []any{s, map[string]any{"type": "null"}}}
}

// zeroAllowed lets a field tagged omitempty also hold its zero value,
// which the validator does not check.
func zeroAllowed(s map[string]any, t reflect.Type) map[string]any {
	var zero any
	switch {
	case isInt(t):
		zero = 0
		if n, ok := s["minimum"].(int64); !ok || n <= 0 {
			if n, ok := s["maximum"].(int64); !ok || n >= 0 {
				return s
			}
		}
	case t.Kind() == reflect.String && !t.Implements(coderType) && !t.Implements(schemerType):
		zero = ""
		if n, ok := s["minLength"].(int64); !ok || n == 0 {
			return s
		}
	default:
		return s
	}
	return map[string]any{"anyOf": []any{map[string]any{"const": zero}, s}}
}

// bounds turns the validate tags that JSON Schema can say into bounds:
// gt/gte/min, lt/lte/max and len by the value's type, oneof as an enum.
// The others (cross-field rules such as gtefield) stay in the Go
// validation.
func bounds(s map[string]any, tag string) {
	if tag == "" {
		return
	}
	typ, _ := s["type"].(string)
	for _, part := range strings.Split(tag, ",") {
		k, v, _ := strings.Cut(part, "=")
		if k == "oneof" {
			s["enum"] = strings.Fields(v)
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			continue
		}
		var key string
		switch typ {
		case "integer", "number":
			key = map[string]string{"gte": "minimum", "min": "minimum", "gt": "exclusiveMinimum",
				"lte": "maximum", "max": "maximum", "lt": "exclusiveMaximum"}[k]
			if k == "len" {
				s["const"] = n
			}
		case "array":
			key = map[string]string{"gte": "minItems", "min": "minItems", "lte": "maxItems", "max": "maxItems"}[k]
			if k == "len" {
				s["minItems"], s["maxItems"] = n, n
			}
		case "object":
			key = map[string]string{"gte": "minProperties", "min": "minProperties", "lte": "maxProperties", "max": "maxProperties"}[k]
		case "string":
			if _, isEnum := s["enum"]; isEnum {
				continue
			}
			key = map[string]string{"gte": "minLength", "min": "minLength", "lte": "maxLength", "max": "maxLength"}[k]
			if k == "len" {
				s["minLength"], s["maxLength"] = n, n
			}
		}
		if key != "" {
			s[key] = n
		}
	}
}

// schemas returns every schema by name: each command's input ("grade")
// and output ("grade.output"), the compact decision of --compact
// ("compact.output") and its JSON Lines record ("compact.line"), the
// header and record of a JSON Lines stream ("jsonl.header", "jsonl.line"), the
// scenario file format ("scenarios") and the output of hubrules test
// ("test.output").
func schemas() map[string]map[string]any {
	all := map[string]map[string]any{}
	for _, c := range commands() {
		all[schemaName(c.path)] = inputSchema(c)
		all[schemaName(c.path)+outputSuffix] = outputSchema(c)
	}
	all[compactOutputName] = compactSchema(reflect.TypeOf(hubrules.CompactDecision{}), "hubrules --compact output",
		"紧凑判定：结果、未通过的规则、发现的规则、严重程度、对象与事实（不含文本）/ the compact decision: outcome, failed rules, and each finding's rule, severity, subject and facts (no texts)")
	all[compactLineName] = compactSchema(reflect.TypeOf(jsonl.CompactRecord{}), "hubrules --jsonl --compact record",
		"--jsonl --compact 在头记录之后每行一条的记录（出错的行为 {line, error}）/ the record of each line after the header with --jsonl --compact (a bad line gives {line, error})")
	all[headerName] = streamSchema(reflect.TypeOf(jsonl.Header{}), "hubrules --jsonl header",
		"--jsonl 的首条记录：流中每个判定共有的内容 / the first record with --jsonl: what every decision of the stream shares")
	all[lineName] = streamSchema(reflect.TypeOf(jsonl.Record{}), "hubrules --jsonl record",
		"--jsonl 在头记录之后每行一条的记录：不含头记录所有的内容，依据、规则出处与发现出处每流只写一次（出错的行为 {line, error}）/ the record of each line after the header with --jsonl: the envelope without what the header holds; the basis, the rules' sources and the findings' citations written once per stream (a bad line gives {line, error})")
	all[scenarioSchemaName] = scenarioSchema()
	all[testOutputName] = testOutputSchema()
	all[reportSchemaName] = reportSchema()
	return all
}

// The schemas of the compact output (--compact).
const (
	compactOutputName = "compact" + outputSuffix
	compactLineName   = "compact.line"
)

// The schemas of the JSON Lines stream of the full output (--jsonl).
const (
	headerName = "jsonl.header"
	lineName   = "jsonl.line"
)

// streamSchema returns the JSON Schema of the stream record type t
// (jsonl.Header, jsonl.Record): a basis is the envelope's, checks and
// findings are arrays.
func streamSchema(t reflect.Type, title, desc string) map[string]any {
	g := schemaGen{mode: schemaOutput, defs: map[string]any{}}
	s := g.build(t)
	props := s["properties"].(map[string]any)
	if p, ok := props["basis"].(map[string]any); ok {
		props["basis"] = map[string]any{"$ref": g.of(reflect.TypeOf(hubrules.DecisionBasis{}))["$ref"], "description": p["description"]}
	}
	for _, k := range []string{"checks", "findings"} {
		if p, ok := props[k].(map[string]any); ok {
			p["type"] = "array"
		}
	}
	if len(g.defs) > 0 {
		s["$defs"] = g.defs
	}
	s["$schema"] = draft2020
	s["title"] = title
	s["description"] = desc
	return s
}

// compactSchema returns the JSON Schema of the compact type t.
func compactSchema(t reflect.Type, title, desc string) map[string]any {
	s := schemaFor(t, schemaOutput)
	// Compact and CompactFindings write them as arrays, never null.
	if props, ok := s["properties"].(map[string]any); ok {
		for _, k := range []string{"failed", "findings"} {
			if p, ok := props[k].(map[string]any); ok {
				p["type"] = "array"
			}
		}
	}
	s["$schema"] = draft2020
	s["title"] = title
	s["description"] = desc
	return s
}

func cmdSchema(e *env, args []string) (int, error) {
	var output bool
	var rest []string
	for _, a := range args {
		if a == "--output" || a == "-output" {
			output = true
			continue
		}
		rest = append(rest, a)
	}
	rest, err := simpleFlags(e, "schema", rest)
	if err != nil {
		return 0, err
	}
	all := schemas()
	if len(rest) == 0 {
		return exitOK, writeJSON(e.stdout, all)
	}
	name := strings.Join(rest, "-")
	if output && !strings.HasSuffix(name, outputSuffix) {
		name += outputSuffix
	}
	s, ok := all[name]
	if !ok {
		names := make([]string, 0, len(all))
		for n := range all {
			names = append(names, n)
		}
		sort.Strings(names)
		return 0, hubrules.NewInputError(hubrules.FieldError{Path: "NAME", Code: "unknown_schema", Value: name, Param: strings.Join(names, ","),
			Message: hubrules.T("没有名为 "+name+" 的结构；可用："+strings.Join(names, "、"), "no schema named "+name+"; known: "+strings.Join(names, ", "))})
	}
	return exitOK, writeJSON(e.stdout, s)
}
