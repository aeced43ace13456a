package hub_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/internal/datetest"
)

// A term end, an extension cap or a board's term end past 9999-12-31 could
// not be read back: the input is refused at the date it is computed from.
func TestHUB_TERM_ComputedDatesNeverPass9999(t *testing.T) {
	c := mustChecker(hubrules.National)
	last := hubrules.MustParseDate("9999-12-31")
	elected := hubrules.MustParseDate("9999-01-01")

	_, err := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: elected}, last)
	datetest.RequireRefused(t, err, "elected_on")

	_, err = c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{{ID: "b", Kind: hub.Branch, FormalMembers: hubrules.Ptr(3), ElectedOn: elected, CommitteeSize: hubrules.Ptr(0)}}}, last)
	datetest.RequireRefused(t, err, "bodies[0].elected_on")

	_, err = c.CheckBoard(hub.Board{TermStarted: elected}, last)
	datetest.RequireRefused(t, err, "term_started")

	// a term that ends (with its longest extension) in 9999 is computed
	ts, err := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("9990-01-01"), ExtendedTo: hubrules.MustParseDate("9993-06-30")}, last)
	require.NoError(t, err)
	assert.True(t, ts.ExtensionCap.InRange())
}
