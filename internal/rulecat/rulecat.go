// Package rulecat records the citations of a rule package's catalogue in
// internal/cite when the package is initialized.
package rulecat

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/cite"
)

// Register records the short citation (hubrules.Source.Short) of every rule
// of c that has a source, and returns c.
func Register(c hubrules.Catalogue) hubrules.Catalogue {
	for _, r := range c {
		if !r.Source.IsZero() {
			cite.Set(r.ID, r.Source.Short(hubrules.ZH), r.Source.Short(hubrules.EN))
		}
	}
	return c
}
