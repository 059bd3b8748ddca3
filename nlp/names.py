"""Company-name vocabulary shared by the components that find, extend and invent names."""
import re

# one legal suffix at the end of a name; stripped repeatedly to get the short forms
LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|plc|PLC|"
    r"S\.A|N\.V|AG|SE|LP|L\.P|Ltée|Holdings?)\.?$",
    re.IGNORECASE,
)

# any run of legal suffixes ending a name ("Holdings, Inc."), to split off the core
LEGAL_SUFFIXES_AT_END = re.compile(
    r"(,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|plc|PLC|S\.A|N\.V|"
    r"AG|SE|LP|L\.P|Trust|Group|Holdings)\.?)+$",
    re.IGNORECASE,
)

# a run of legal suffixes right after a name: "Darigold" + ", Inc."
LEGAL_SUFFIXES_AFTER = re.compile(
    r"(?:,?[ \t]+(?:Holdings|Group|Inc|Incorporated|Corp|Corporation|Ltd|Limited|LLC|plc|Co|"
    r"Company|S\.A|N\.V|AG|SE|L\.P|LP)\b\.?)+"
)

# exchange names that open a ticker reference: "(NASDAQ: ACME)"
EXCHANGES = {
    "nasdaq", "nyse", "tsx", "tsxv", "tsx-v", "cse", "otc", "otcqb", "otcqx", "asx", "amex",
    "frankfurt", "fse", "lse", "aim", "neo", "cboe", "nyse american", "otc markets", "tase",
}
