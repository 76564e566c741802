"""The parity contract (the project's own words), shared by gen_format_fixtures.py.

Each item is (kind, label, text): kind is "title", "para", "h" (numbered heading, level 0),
"c" (numbered clause, level 1) or "i" (lettered item, level 2). Labels are what a reader sees.
"""

TITLE = "Services Agreement for Base Logistics Support"

CONTRACT = [
    ("title", None, TITLE),
    ("para", None, "This Agreement is made on 3 March 2025 between the Northern Alliance Support Agency, whose principal office is at 14 Harbour Road, Portmere (the \u201cBuyer\u201d), and Harbourline Logistics Limited, a company registered under number 08812345 (the \u201cSupplier\u201d)."),
    ("h", "1.", "Definitions and Interpretation"),
    ("c", "1.1", "In this Agreement, \u201cTrafficking in Persons\u201d means the recruitment, transportation, transfer, harbouring or receipt of persons, by means of the threat or use of force or other forms of coercion, of abduction, of fraud, of deception, of the abuse of power or of a position of vulnerability, or of the giving or receiving of payments or benefits to achieve the consent of a person having control over another person, for the purpose of exploitation."),
    ("c", "1.2", "Exploitation includes, at a minimum, the exploitation of the prostitution of others or other forms of sexual exploitation, forced labour or services, slavery or practices similar to slavery, servitude, forced begging, forced criminality and the removal of organs. Where the person concerned is a child, no means listed in clause 1.1 need be shown."),
    ("c", "1.3", "\u201cSub-contractor\u201d means any person, at any tier of the supply chain, that supplies goods, works or services used in the performance of this Agreement, and \u201cSub-contract\u201d has a corresponding meaning."),
    ("h", "2.", "The Services"),
    ("c", "2.1", "The Supplier shall provide warehousing, transport and catering support to the Buyer\u2019s field sites as described in the Statement of Work, using suitably qualified personnel and in accordance with good industry practice."),
    ("c", "2.2", "The Supplier shall deliver the Services from the Commencement Date for an initial term of three years, which the Buyer may extend by up to two further periods of twelve months by giving written notice before the end of the then current term."),
    ("c", "2.3", "The Supplier shall comply with all applicable laws, including labour, health and safety and immigration laws, in every country in which the Services are performed."),
    ("h", "3.", "Price and Payment"),
    ("c", "3.1", "In consideration of the Services, the Buyer shall pay the Contract Price set out in the Pricing Schedule. Invoices shall be submitted monthly in arrears and paid within thirty days of receipt of a valid invoice."),
    ("c", "3.2", "The Buyer may set off against any sum due to the Supplier any amount that the Supplier owes to the Buyer under this Agreement."),
    ("h", "4.", "Prohibition of Trafficking in Persons"),
    ("c", "4.1", "The Supplier shall not engage in, support or facilitate Trafficking in Persons, forced or compulsory labour or any other form of modern slavery, and shall ensure that its personnel, agents and Sub-contractors do not do so."),
    ("c", "4.2", "Without limiting clause 4.1, the Supplier shall not, and shall ensure that its Sub-contractors do not:"),
    ("i", "(a)", "use forced, bonded, indentured or involuntary prison labour;"),
    ("i", "(b)", "destroy, conceal, confiscate or otherwise deny a worker access to that worker\u2019s identity or immigration documents;"),
    ("i", "(c)", "charge workers recruitment fees or use misleading or fraudulent recruitment practices; or"),
    ("i", "(d)", "procure commercial sex acts during the performance of this Agreement."),
    ("c", "4.3", "The Supplier warrants that no part of the Contract Price or of any other funds paid under this Agreement will be used, directly or indirectly, to support Trafficking in Persons, and the Supplier shall keep records sufficient to demonstrate this."),
    ("h", "5.", "Supply Chain Due Diligence"),
    ("c", "5.1", "The Supplier shall carry out due diligence on its supply chain to identify, assess, monitor and mitigate the risk of Trafficking in Persons, including a risk assessment of each Sub-contractor before it is engaged and at least once in every contract year."),
    ("c", "5.2", "The Supplier shall maintain a register of all Sub-contractors at every tier, with their location and the goods or services they supply, and shall disclose the register to the Buyer within ten working days of a request."),
    ("h", "6.", "Sub-contracting"),
    ("c", "6.1", "The Supplier shall include in every Sub-contract, at all tiers, obligations substantially equivalent to those in clauses 4 to 8, and shall be responsible for the compliance of its Sub-contractors with those obligations as if they were its own acts."),
    ("h", "7.", "Reporting, Cooperation and Protection of Whistle-blowers"),
    ("c", "7.1", "The Supplier shall notify the Buyer in writing within forty-eight hours of becoming aware of any allegation, credible information or incident of Trafficking in Persons connected with this Agreement."),
    ("c", "7.2", "The Supplier shall cooperate fully with any investigation by the Buyer or a competent authority, including by giving access to its premises, records and personnel."),
    ("c", "7.3", "The Supplier shall not dismiss, discipline or otherwise retaliate against any worker, complainant or whistle-blower who reports in good faith a suspected breach of clause 4, and shall provide a confidential reporting channel for its workers."),
    ("h", "8.", "Remediation"),
    ("c", "8.1", "Where a breach of clause 4 occurs, the Supplier shall at its own cost take corrective action and implement a remediation plan approved by the Buyer, which shall include remedy for the affected workers such as safe repatriation, return of documents and reimbursement of recruitment fees."),
    ("h", "9.", "Termination and Sanctions"),
    ("c", "9.1", "The Buyer may terminate this Agreement in whole or in part with immediate effect by written notice if the Supplier breaches any of clauses 4 to 8, and any such breach shall be deemed a material breach that cannot be remedied."),
    ("c", "9.2", "In addition to termination, where the Supplier breaches clause 4 the Buyer may withhold payment of any sums due, require the removal of any personnel involved, refer the matter to the competent authorities and exclude the Supplier from future procurement for a period of up to five years."),
    ("h", "10.", "Confidentiality and Data"),
    ("c", "10.1", "Each party shall keep confidential all information disclosed to it by the other party in connection with this Agreement and shall use it only to perform its obligations, except where disclosure is required by law or by a competent authority."),
    ("c", "10.2", "The Supplier shall process personal data only on the documented instructions of the Buyer and shall implement appropriate technical and organisational measures to protect it against unauthorised access, loss or disclosure."),
    ("h", "11.", "Liability and Insurance"),
    ("c", "11.1", "Neither party limits its liability for death or personal injury caused by its negligence, for fraud, or for breach of clause 4. Subject to that, each party\u2019s total liability in each contract year shall not exceed one hundred and fifty per cent of the Contract Price paid in that year."),
    ("c", "11.2", "The Supplier shall maintain public liability, employer\u2019s liability and professional indemnity insurance with reputable insurers for the term of this Agreement and for six years after it ends."),
    ("h", "12.", "General"),
    ("c", "12.1", "This Agreement is the entire agreement between the parties about its subject matter. No variation is effective unless it is in writing and signed by both parties."),
    ("c", "12.2", "Notices shall be given in writing to the addresses set out above, or to such other address as a party notifies to the other, and are deemed received two working days after posting."),
    ("c", "12.3", "This Agreement is governed by the law of England and Wales, and the courts of England and Wales have exclusive jurisdiction over any dispute arising from it."),
    ("para", None, "Signed for the Buyer by its authorised representative and for the Supplier by its director on the date written above."),
]


def plain_lines():
    """The contract as plain text lines, numbers written in the text."""
    out = []
    for kind, label, text in CONTRACT:
        out.append(f"{label} {text}" if label else text)
    return out
