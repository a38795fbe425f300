"""A small corpus written for the web tests (not from any gold set): two outlets carrying the same wire
story (a syndicated copy), a later report, and a document whose title and body are hostile HTML."""

WIRE = ("ULAANBAATAR — Mongolia deployed 3,000 soldiers to its southern border on Monday, the defence ministry said. "
        "President Khurelsukh said the country would not accept any violation of its territory. "
        "About 1,200 refugees lived in Mongolia in January, the Red Cross said. "
        "This year the government promised to build 40 new clinics in the Gobi region.\n\n"
        "Kazakhstan criticized the deployment and called for talks with Mongolia.")
LATER = ("Mongolia now hosts 2,500 refugees, up from about 1,200 in January, the Red Cross said on Friday. "
         "Kazakhstan denied reports that it had supplied weapons to herders' militias near the border. "
         "Mongolia and Kazakhstan held talks in Astana on Thursday.")
HOSTILE_TITLE = "<script>window.__pwned = 'title'</script>Breaking"
HOSTILE_TEXT = ("Officials in Ulaanbaatar said <img src=x onerror=\"window.__pwned='body'\"> the bridge reopened. "
                "<script>window.__pwned = 'script'</script> Mongolia deployed 200 engineers to the river.")

DOCUMENTS = [
    {"id": "wire-steppe", "url": "https://steppe.example.net/2023/03/14/border", "title": "Mongolia sends soldiers to the border",
     "published": "2023-03-14", "publisher": "Steppe Wire", "text": WIRE},
    {"id": "wire-gobi", "url": "https://gobi.example.org/news/mongolia-border", "title": "Mongolia sends soldiers to the border",
     "published": "2023-03-15", "publisher": "Gobi Times", "text": WIRE},
    {"id": "later", "url": "https://steppe.example.net/2023/04/07/refugees", "title": "Refugees in Mongolia reach 2,500",
     "published": "2023-04-07", "publisher": "Steppe Wire", "text": LATER},
    {"id": "hostile", "url": "https://evil.example.com/x", "title": HOSTILE_TITLE, "published": "2023-04-08",
     "publisher": "<b>Evil</b> Outlet", "text": HOSTILE_TEXT},
]
