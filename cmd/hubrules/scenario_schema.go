package main

import (
	"reflect"
	"sort"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/hubrules/hubrules/policytest"
)

// The schemas of hubrules test: the scenario file format ("scenarios",
// for editors validating scenario files) and what --format json writes
// ("test.output").
const (
	scenarioSchemaName = "scenarios"
	testOutputName     = "test" + outputSuffix
)

// inputID is the $id under which the scenario schema embeds the input
// schema of kind c, so that the input schema's own "#/$defs/…" references
// resolve inside it.
func inputID(c command) string { return "urn:hubrules:input:" + schemaName(c.path) }

// testOutputSchema returns the JSON Schema of policytest.Results, what
// hubrules test --format json writes.
func testOutputSchema() map[string]any {
	s := schemaFor(reflect.TypeOf(policytest.Results{}), schemaOutput)
	s["$schema"] = draft2020
	s["title"] = "hubrules test output"
	s["description"] = "hubrules test --format json：每个场景的结果与汇总 / the result of each scenario and the summary"
	return s
}

// scenarioSchema returns the JSON Schema of a scenario file, generated
// from the key table of policytest (policytest.Keys) and the input schema
// of every kind: a case's input is checked against its kind's input
// schema, embedded under $defs.
func scenarioSchema() map[string]any {
	g := schemaGen{mode: schemaInput, defs: map[string]any{}}
	props := map[string]map[string]any{"file": {}, "case": {}, "expect": {}}
	required := map[string][]string{}
	for _, k := range policytest.Keys() {
		s := keySchema(&g, k)
		s["description"] = k.Label.ZH + "：" + k.Meaning.ZH + " / " + k.Label.EN + ": " + k.Meaning.EN
		props[k.In][k.Name] = s
		if k.Required {
			required[k.In] = append(required[k.In], k.Name)
		}
	}
	object := func(where string) map[string]any {
		p := map[string]any{}
		for n, s := range props[where] {
			p[n] = s
		}
		s := map[string]any{"type": "object", "properties": p, "additionalProperties": false}
		if req := required[where]; len(req) > 0 {
			sort.Strings(req)
			s["required"] = req
		}
		return s
	}
	cs := object("case")
	var byKind []any
	for _, c := range commands() {
		in := inputSchema(c)
		delete(in, "$schema")
		in["$id"] = inputID(c)
		g.defs["input."+schemaName(c.path)] = in
		byKind = append(byKind, map[string]any{
			// A case that expects its input to be refused holds a bad
			// input on purpose: only the others are checked.
			"if": map[string]any{"properties": map[string]any{"kind": map[string]any{"enum": kindSpellings(c.path)}}, "required": []string{"kind"},
				"not": map[string]any{"properties": map[string]any{"expect": map[string]any{"required": []string{"error"}}}, "required": []string{"expect"}}},
			"then": map[string]any{"properties": map[string]any{"input": map[string]any{"$ref": inputID(c)}}},
		})
	}
	cs["allOf"] = append(byKind,
		map[string]any{"oneOf": []any{map[string]any{"required": []string{"input"}}, map[string]any{"required": []string{"input_file"}}}},
		map[string]any{"not": map[string]any{"required": []string{"params", "params_file"}}})
	g.defs["case"] = cs
	g.defs["expect"] = object("expect")
	root := object("file")
	root["$schema"] = draft2020
	root["title"] = "hubrules scenario file"
	root["description"] = "hubrules test 与 policytest.Run 读取的场景文件（docs/scenarios.md）/ a scenario file as hubrules test and policytest.Run read it (docs/scenarios.md)"
	root["$defs"] = g.defs
	return root
}

// kindSpellings are the ways a case may name kind ("check sync" and
// "check-sync", as kinds.Lookup reads them).
func kindSpellings(name string) []string {
	if d := schemaName(name); d != name {
		return []string{name, d}
	}
	return []string{name}
}

// keySchema returns the schema of one key by its policytest.Key.Type.
func keySchema(g *schemaGen, k policytest.Key) map[string]any {
	text := map[string]any{"type": "string", "minLength": 1}
	scalar := map[string]any{"type": []string{"string", "number", "boolean", "null"}}
	oneOrMany := func(item map[string]any) map[string]any {
		return map[string]any{"anyOf": []any{item, map[string]any{"type": "array", "items": item}}}
	}
	switch k.Type {
	case "cases":
		return map[string]any{"type": "array", "items": map[string]any{"$ref": "#/$defs/case"}}
	case "programme":
		return enumSchema(reflect.TypeOf(hubrules.Programme("")))
	case "date":
		return g.build(dateType)
	case "kind":
		var names []string
		for _, c := range commands() {
			names = append(names, kindSpellings(c.path)...)
		}
		return map[string]any{"type": "string", "enum": names}
	case "params":
		return map[string]any{"type": []string{"string", "object"}}
	case "input":
		return map[string]any{"type": "object"}
	case "expect":
		return map[string]any{"$ref": "#/$defs/expect"}
	case "bool":
		return map[string]any{"type": "boolean"}
	case "rules":
		var ids, descs []string
		for _, p := range kinds.Packages() {
			for _, r := range p.Rules {
				ids = append(ids, r.ID)
				descs = append(descs, r.Title.ZH+" / "+r.Title.EN)
			}
		}
		return oneOrMany(map[string]any{"type": "string", "enum": ids, "enumDescriptions": descs})
	case "grade":
		return enumSchema(reflect.TypeOf(hubrules.Grade("")))
	case "amounts", "values":
		return map[string]any{"type": "object", "additionalProperties": scalar}
	case "paths":
		return oneOrMany(text)
	}
	return text // text, file, state
}
