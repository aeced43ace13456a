package hubrules_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/hub"
)

// BenchmarkDecodeJSON measures what DecodeJSON costs on representative
// inputs: the CLI's structure sample (6.7 KB into hub.Structure) and its
// fee sample (amounts of funding's own JSON form). The "plain" runs decode
// as DecodeJSON did before its strict scan (encoding/json refusing unknown
// fields, then Validate), so that one run on a busy machine gives the
// ratio.
func BenchmarkDecodeJSON(b *testing.B) {
	for _, c := range []struct {
		name, file string
		in         func() any
	}{
		{"structure", "cmd/hubrules/testdata/check-structure.json", func() any { return new(hub.Structure) }},
		{"fee", "cmd/hubrules/testdata/fund-fee.json", func() any { return new(funding.FeeInput) }},
	} {
		data, err := os.ReadFile(c.file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := hubrules.DecodeJSON(data, c.in()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/plain", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				v := c.in()
				dec := json.NewDecoder(bytes.NewReader(data))
				dec.DisallowUnknownFields()
				if err := dec.Decode(v); err != nil {
					b.Fatal(err)
				}
				if err := hubrules.Validate(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
