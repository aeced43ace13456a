package pages

import (
	"regexp"

	"github.com/hubrules/hubrules"
)

var (
	headingRE = regexp.MustCompile(`<h([1-6])[ >]`)
	fieldRE   = regexp.MustCompile(`<(?:input|select|textarea)\b[^>]*>`)
	idRE      = regexp.MustCompile(`\bid="([^"]+)"`)
	errorsRE  = regexp.MustCompile(`(?s)<section class="errors".*?</section>`)
)

func limitsOf(maxBytes int) hubrules.Limits {
	l := hubrules.DefaultLimits()
	l.MaxBytes = maxBytes
	return l
}
