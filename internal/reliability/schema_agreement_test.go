package reliability_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/kinds"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// schemaBlind are the decoder's codes that JSON Schema cannot see: a key
// written twice (a JSON Schema validator reads the parsed document, where
// the last key won) and invalid UTF-8 (the validator's parser replaces it).
var schemaBlind = map[string]string{
	"duplicate_key": "JSON Schema sees the parsed document, with one value per key",
	"utf8":          "JSON Schema sees the parsed document, with the bad bytes replaced",
}

// checkedByTheRules are rows whose code is refused by the rule package
// after decoding (the field has no validate tag `enum`), which the schema
// refuses already: its enum lists the codes.
var checkedByTheRules = map[string]string{
	"unknown rounding code":             "funding reads the rounding when it computes the fee",
	"unknown operation code":            "the ledger refuses the operation when it applies it",
	"unknown institutional system code": "grading refuses the system when it grades the sheet",
}

// TestSchemas_AgreeWithTheDecoder runs a standard JSON Schema validator,
// with the checked-in schemas of cmd/hubrules/schema, over every row of the
// bad-input catalogue that names a kind: an input the decoder refuses
// (decoding and the validate tags, before any rule runs) is invalid against
// the kind's schema, and an input it accepts is valid. What only the rules
// refuse (cross-field checks such as ids and weights of one length, dates
// in order, a trigger the state allows) is not the schema's to see.
func TestSchemas_AgreeWithTheDecoder(t *testing.T) {
	compiled := map[string]*jsonschema.Schema{}
	schemaOf := func(kind string) *jsonschema.Schema {
		name := strings.ReplaceAll(kind, " ", "-")
		if s, ok := compiled[name]; ok {
			return s
		}
		path := filepath.Join("..", "..", "cmd", "hubrules", "schema", name+".json")
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		require.NoError(t, c.AddResource("mem:///"+name+".json", doc))
		s, err := c.Compile("mem:///" + name + ".json")
		require.NoError(t, err)
		compiled[name] = s
		return s
	}
	refused, accepted := 0, 0
	for _, c := range badCases(t) {
		if c.Kind == "" {
			continue
		}
		k, ok := kinds.Lookup(c.Kind)
		require.True(t, ok, c.Kind)
		decErr := hubrules.DecodeJSON([]byte(c.Input), k.Input())
		if blind := blindCode(decErr); blind != "" {
			t.Logf("%s: %s: excluded: %s", c.Kind, c.Desc, schemaBlind[blind])
			continue
		}
		var doc any
		if err := json.Unmarshal([]byte(c.Input), &doc); err != nil {
			// Malformed JSON is no document to validate.
			require.Error(t, decErr)
			continue
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(c.Input))
		require.NoError(t, err)
		valErr := schemaOf(c.Kind).Validate(inst)
		if decErr != nil {
			refused++
			assert.Error(t, valErr, "%s: %s: the decoder refuses it (%v), the schema accepts it", c.Kind, c.Desc, decErr)
		} else if reason, ok := checkedByTheRules[c.Desc]; ok {
			assert.Error(t, valErr, "%s: %s", c.Kind, c.Desc)
			t.Logf("%s: %s: the schema refuses what %s", c.Kind, c.Desc, reason)
		} else {
			accepted++
			assert.NoError(t, valErr, "%s: %s: the decoder accepts it, the schema refuses it", c.Kind, c.Desc)
		}
	}
	assert.Greater(t, refused, 20)
	assert.Greater(t, accepted, 10)
}

// blindCode returns the code of err's first field that JSON Schema cannot
// see, or "".
func blindCode(err error) string {
	var ie *hubrules.InputError
	if !errors.As(err, &ie) {
		return ""
	}
	for _, f := range ie.Fields {
		if _, ok := schemaBlind[f.Code]; ok {
			return f.Code
		}
	}
	return ""
}
