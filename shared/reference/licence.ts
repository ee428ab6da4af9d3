/**
 * The licence block of the GPTs-are-GPTs reference data: the O*NET credit CC BY 4.0 asks for (source, licence,
 * the "modified" notice, O*NET® used as an adjective) and the MIT notice of the label set. The build script and
 * the import of the original full_labelset.tsv both attach it, so no pack exists without it.
 */
import type { LicenceBlock } from './pack';

/** The O*NET release of the task statements in the label set (Eloundou et al. 2023). */
export const LABELSET_ONET_RELEASE = '27.2';
export const LABELSET_SOURCE =
  'github.com/openai/GPTs-are-GPTs (Eloundou, Manning, Mishkin, Rock, arXiv 2303.10130)';

/** The MIT notice of the label set's repository, kept with every copy as the licence asks. */
export const LABELSET_MIT_NOTICE = `MIT License

Copyright (c) 2024 OpenAI

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.`;

export function labelsetLicence(mitNotice: string = LABELSET_MIT_NOTICE): LicenceBlock {
  return {
    sources: [
      {
        name: `O*NET ${LABELSET_ONET_RELEASE} Database`,
        licence: 'CC BY 4.0',
        url: 'https://www.onetcenter.org/database.html',
        attribution:
          `This product includes information from the O*NET ${LABELSET_ONET_RELEASE} Database by the U.S. ` +
          'Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 ' +
          'license. Coarchitect has modified all or some of this information (only the task statements, ' +
          'task ids, task types and occupation codes and titles are kept, joined with exposure labels). ' +
          'USDOL/ETA has not approved, endorsed, or tested these modifications. O*NET® is a trademark of USDOL/ETA.',
      },
      {
        name: 'GPTs are GPTs exposure labels',
        licence: 'MIT',
        url: 'https://github.com/openai/GPTs-are-GPTs',
        attribution:
          'Human and GPT-4 exposure labels (E0, E1, E2) from Eloundou, Manning, Mishkin and Rock, "GPTs are ' +
          'GPTs: An Early Look at the Labor Market Impact Potential of Large Language Models" (arXiv ' +
          '2303.10130), © 2024 OpenAI, MIT License.',
      },
    ],
    notices: [{ name: 'GPTs-are-GPTs repository', licence: 'MIT', text: mitNotice }],
  };
}
