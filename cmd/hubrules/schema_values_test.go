package main

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
)

// TestSchemas_ValuePatternsMatchTheDecoders writes short strings of the
// characters an amount, a rate, points or a date are made of and checks
// that the JSON Schema of each type accepts a string exactly when the
// type's decoder does (magnitudes are the decoders' alone: the strings are
// short).
func TestSchemas_ValuePatternsMatchTheDecoders(t *testing.T) {
	cases := []struct {
		name     string
		alphabet []string
		schema   map[string]any
		decode   func([]byte) error
	}{
		{"funding.Money", []string{"0", "1", "5", ".", ",", "+", "-", "元", "yuan", " "}, funding.Money{}.JSONSchema(),
			func(b []byte) error { var m funding.Money; return json.Unmarshal(b, &m) }},
		{"funding.Rate", []string{"0", "1", "5", ".", "%", "+", "-", "e"}, funding.Rate{}.JSONSchema(),
			func(b []byte) error { var r funding.Rate; return json.Unmarshal(b, &r) }},
		{"hubrules.Points", []string{"0", "1", "5", ".", "-", "+", "e"}, hubrules.Points(0).JSONSchema(),
			func(b []byte) error { var p hubrules.Points; return json.Unmarshal(b, &p) }},
		{"hubrules.Date", []string{"0", "1", "2", "9", "-"}, hubrules.Date{}.JSONSchema(),
			func(b []byte) error { var d hubrules.Date; return json.Unmarshal(b, &d) }},
	}
	r := rand.New(rand.NewPCG(18, 3))
	for _, c := range cases {
		sch := compileSchema(t, c.name, c.schema)
		bad := 0
		for i := 0; i < 3000; i++ {
			s := ""
			for n := r.IntN(9) + 1; n > 0; n-- {
				s += c.alphabet[r.IntN(len(c.alphabet))]
			}
			if c.name == "hubrules.Date" && r.IntN(2) == 0 {
				s = strconv.Itoa(1000+r.IntN(9000)) + "-" + strconv.Itoa(r.IntN(14)) + "-" + strconv.Itoa(r.IntN(33))
				if r.IntN(2) == 0 {
					s = s[:5] + "0" + s[5:]
				}
			}
			b, _ := json.Marshal(s)
			decOK := c.decode(b) == nil && s != ""
			schOK := validateJSON(t, sch, b) == nil
			if decOK != schOK && bad < 5 {
				bad++
				assert.Equal(t, decOK, schOK, "%s %q: decoder accepts: %v, schema accepts: %v", c.name, s, decOK, schOK)
			}
		}
	}
}
