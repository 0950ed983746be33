// Package samples embeds the synthetic sample organisation "Kinderopvang De
// Klimboom (synthetisch)": exports of its childcare administration
// (Kidsadmin), parent portal (Konnect), child-tracking system (KIJK!) and
// privacy registers, with a manifest and a policy. Every person, address,
// BSN and IBAN in it is made up. README.md lists the findings an audit of it
// must report; samples/generate writes both and its tests keep them in step.
package samples

import "embed"

//go:generate go run ./generate -out org

// Org holds the sample organisation; its root directory inside is "org".
//
//go:embed org
var Org embed.FS
