package funding_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/hubrules/hubrules/internal/datetest"
)

// A due date or a support period's end past 9999-12-31 could not be read
// back: the input is refused at the date it is computed from.
func TestFND_ComputedDatesNeverPass9999(t *testing.T) {
	last := hubrules.MustParseDate("9999-12-31")
	_, err := ev(t, hubrules.Xiyuan).Start(funding.StartInput{Org: "o", Started: hubrules.MustParseDate("9999-06-01"), NormalOperation: true, AlreadyGranted: hubrules.Ptr(false), FundUsed: hubrules.Ptr(funding.Yuan(0))}, last)
	datetest.RequireRefused(t, err, "started")
	_, err = ev(t, hubrules.Lujiazui).Support(hubrules.MustParseDate("9999-06-01"))
	datetest.RequireRefused(t, err, "transformed")
	s, err := ev(t, hubrules.Lujiazui).Support(hubrules.MustParseDate("9990-06-01"))
	require.NoError(t, err)
	assert.True(t, s.End.InRange())
}
