// Command avgaudit audits how a Dutch childcare organisation handles personal
// data under the AVG (GDPR). See README.md and `avgaudit --help`.
package main

import "github.com/avgaudit/avgaudit/cli"

func main() { cli.Main() }
