package main

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// schemaName is the file name of a command's input schema: "check sync" →
// "check-sync".
func schemaName(path string) string { return strings.ReplaceAll(path, " ", "-") }

// inputSchema returns the JSON Schema (draft 2020-12) of a command's input,
// generated from its Go type: properties by their JSON names, `required`
// and numeric or length bounds from the validate tags, dates as
// "format": "date", enum codes as strings.
func inputSchema(c command) map[string]any {
	t := reflect.TypeOf(c.input()).Elem()
	s := schemaOf(t, map[reflect.Type]bool{})
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["title"] = "hubrules " + c.path + " input"
	s["description"] = c.summary.ZH + " / " + c.summary.EN
	return s
}

var (
	dateType      = reflect.TypeOf(hubrules.Date{})
	textMarshaler = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	jsonMarshaler = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	validerType   = reflect.TypeOf((*hubrules.Valider)(nil)).Elem()
	pointsType    = reflect.TypeOf(grading.Points(0))
)

func schemaOf(t reflect.Type, seen map[reflect.Type]bool) map[string]any {
	if t == dateType {
		return map[string]any{"type": "string", "format": "date"}
	}
	if t.Kind() == reflect.Pointer {
		return schemaOf(t.Elem(), seen)
	}
	if t == pointsType {
		// Points are written as quoted decimals but read bare numbers too
		// (from their text: at most one decimal, never through a float).
		return map[string]any{"type": []string{"string", "number"},
			"description": "Go type grading.Points: a decimal with at most one decimal place, like \"3.5\" or 3.5"}
	}
	if t.Kind() != reflect.String && (t.Implements(jsonMarshaler) || t.Implements(textMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)) {
		// Money and other values with their own JSON form are strings.
		return map[string]any{"type": "string", "description": "Go type " + t.String()}
	}
	switch t.Kind() {
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return map[string]any{"type": "integer"}
	case reflect.String:
		s := map[string]any{"type": "string"}
		if t.Implements(validerType) {
			s["description"] = "code of Go type " + t.String()
		}
		return s
	case reflect.Slice, reflect.Array:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), seen)}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem(), seen)}
	case reflect.Struct:
		if seen[t] {
			return map[string]any{"type": "object", "description": "recursive " + t.String()}
		}
		seen[t] = true
		defer delete(seen, t)
		props := map[string]any{}
		var required []string
		addStructFields(t, props, &required, seen)
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	}
	return map[string]any{}
}

func addStructFields(t reflect.Type, props map[string]any, required *[]string, seen map[reflect.Type]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addStructFields(f.Type, props, required, seen)
			continue
		}
		if name == "" {
			name = f.Name
		}
		fs := schemaOf(f.Type, seen)
		applyValidate(fs, f.Tag.Get("validate"), f.Type)
		if strings.Contains(f.Tag.Get("validate"), "required") && !strings.Contains(opts, "omitempty") {
			*required = append(*required, name)
		}
		props[name] = fs
	}
}

// applyValidate turns validate tags into schema bounds where they map
// directly (gte/lte/min/max/oneof); others stay in the Go validation.
func applyValidate(s map[string]any, tag string, t reflect.Type) {
	if tag == "" {
		return
	}
	for _, part := range strings.Split(tag, ",") {
		if part == "dive" {
			break
		}
		k, v, _ := strings.Cut(part, "=")
		n, err := strconv.ParseInt(v, 10, 64)
		typ, _ := s["type"].(string)
		switch {
		case k == "oneof":
			s["enum"] = strings.Fields(v)
		case err != nil:
		case typ == "integer" && (k == "gte" || k == "min"):
			s["minimum"] = n
		case typ == "integer" && (k == "lte" || k == "max"):
			s["maximum"] = n
		case typ == "integer" && k == "gt":
			s["exclusiveMinimum"] = n
		case typ == "array" && (k == "min" || k == "gte"):
			s["minItems"] = n
		case typ == "array" && (k == "max" || k == "lte"):
			s["maxItems"] = n
		case typ == "string" && (k == "max" || k == "lte"):
			s["maxLength"] = n
		case typ == "string" && (k == "min" || k == "gte"):
			s["minLength"] = n
		}
	}
	_ = t
}

func cmdSchema(e *env, args []string) (int, error) {
	rest, err := simpleFlags(e, "schema", args)
	if err != nil {
		return 0, err
	}
	all := map[string]any{}
	for _, c := range commands() {
		all[schemaName(c.path)] = inputSchema(c)
	}
	if len(rest) == 0 {
		return exitOK, writeJSON(e.stdout, all)
	}
	name := strings.Join(rest, "-")
	s, ok := all[name]
	if !ok {
		return 0, hubrules.NewInputError(hubrules.FieldError{Path: "NAME", Code: "unknown_schema", Value: name,
			Message: hubrules.T("没有名为 "+name+" 的输入结构", "no input shape named "+name)})
	}
	return exitOK, writeJSON(e.stdout, s)
}
