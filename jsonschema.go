package hubrules

// JSONSchemer is implemented by values whose JSON form is not their Go
// structure (a date, an amount, points): JSONSchema returns the JSON Schema
// (draft 2020-12) of that form, matching what the type's decoder accepts.
// The map is new at each call; the caller may change it.
type JSONSchemer interface{ JSONSchema() map[string]any }

// JSONShaper is implemented by types whose MarshalJSON writes another Go
// type (a result written through a plain shape): JSONShape returns a zero
// value of that type, whose structure a schema generator reads instead.
type JSONShaper interface{ JSONShape() any }

// datePattern is the text of a date: YYYY-MM-DD with a month 01–12 and a
// day 01–31 (that the day exists in the month is format "date").
const datePattern = `^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`

// JSONSchema is the JSON Schema of a set date: a string "YYYY-MM-DD"
// (format date). The empty string, which reads as the zero Date, is left
// to the field's schema (JSONSchemer).
func (Date) JSONSchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "pattern": datePattern,
		"description": "YYYY-MM-DD"}
}
