/*
 * GENERATED FILE - do not edit. Regenerate with `make sunspec-models`
 * (tools/gen_sunspec_models.py) from the SunSpec model definitions.
 *
 * The point tables below are derived from the SunSpec Information
 * Model definitions (github.com/sunspec/models),
 * Copyright SunSpec Alliance, licensed under the Apache License,
 * Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License
 * at http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an
 * "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
 * either express or implied. See the License for the specific
 * language governing permissions and limitations under the License.
 *
 * The full licence text (LICENSE) follows.
 *
 *                                  Apache License
 *                            Version 2.0, January 2004
 *                         http://www.apache.org/licenses/
 *
 *    TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION
 *
 *    1. Definitions.
 *
 *       "License" shall mean the terms and conditions for use, reproduction,
 *       and distribution as defined by Sections 1 through 9 of this document.
 *
 *       "Licensor" shall mean the copyright owner or entity authorized by
 *       the copyright owner that is granting the License.
 *
 *       "Legal Entity" shall mean the union of the acting entity and all
 *       other entities that control, are controlled by, or are under common
 *       control with that entity. For the purposes of this definition,
 *       "control" means (i) the power, direct or indirect, to cause the
 *       direction or management of such entity, whether by contract or
 *       otherwise, or (ii) ownership of fifty percent (50%) or more of the
 *       outstanding shares, or (iii) beneficial ownership of such entity.
 *
 *       "You" (or "Your") shall mean an individual or Legal Entity
 *       exercising permissions granted by this License.
 *
 *       "Source" form shall mean the preferred form for making modifications,
 *       including but not limited to software source code, documentation
 *       source, and configuration files.
 *
 *       "Object" form shall mean any form resulting from mechanical
 *       transformation or translation of a Source form, including but
 *       not limited to compiled object code, generated documentation,
 *       and conversions to other media types.
 *
 *       "Work" shall mean the work of authorship, whether in Source or
 *       Object form, made available under the License, as indicated by a
 *       copyright notice that is included in or attached to the work
 *       (an example is provided in the Appendix below).
 *
 *       "Derivative Works" shall mean any work, whether in Source or Object
 *       form, that is based on (or derived from) the Work and for which the
 *       editorial revisions, annotations, elaborations, or other modifications
 *       represent, as a whole, an original work of authorship. For the purposes
 *       of this License, Derivative Works shall not include works that remain
 *       separable from, or merely link (or bind by name) to the interfaces of,
 *       the Work and Derivative Works thereof.
 *
 *       "Contribution" shall mean any work of authorship, including
 *       the original version of the Work and any modifications or additions
 *       to that Work or Derivative Works thereof, that is intentionally
 *       submitted to Licensor for inclusion in the Work by the copyright owner
 *       or by an individual or Legal Entity authorized to submit on behalf of
 *       the copyright owner. For the purposes of this definition, "submitted"
 *       means any form of electronic, verbal, or written communication sent
 *       to the Licensor or its representatives, including but not limited to
 *       communication on electronic mailing lists, source code control systems,
 *       and issue tracking systems that are managed by, or on behalf of, the
 *       Licensor for the purpose of discussing and improving the Work, but
 *       excluding communication that is conspicuously marked or otherwise
 *       designated in writing by the copyright owner as "Not a Contribution."
 *
 *       "Contributor" shall mean Licensor and any individual or Legal Entity
 *       on behalf of whom a Contribution has been received by Licensor and
 *       subsequently incorporated within the Work.
 *
 *    2. Grant of Copyright License. Subject to the terms and conditions of
 *       this License, each Contributor hereby grants to You a perpetual,
 *       worldwide, non-exclusive, no-charge, royalty-free, irrevocable
 *       copyright license to reproduce, prepare Derivative Works of,
 *       publicly display, publicly perform, sublicense, and distribute the
 *       Work and such Derivative Works in Source or Object form.
 *
 *    3. Grant of Patent License. Subject to the terms and conditions of
 *       this License, each Contributor hereby grants to You a perpetual,
 *       worldwide, non-exclusive, no-charge, royalty-free, irrevocable
 *       (except as stated in this section) patent license to make, have made,
 *       use, offer to sell, sell, import, and otherwise transfer the Work,
 *       where such license applies only to those patent claims licensable
 *       by such Contributor that are necessarily infringed by their
 *       Contribution(s) alone or by combination of their Contribution(s)
 *       with the Work to which such Contribution(s) was submitted. If You
 *       institute patent litigation against any entity (including a
 *       cross-claim or counterclaim in a lawsuit) alleging that the Work
 *       or a Contribution incorporated within the Work constitutes direct
 *       or contributory patent infringement, then any patent licenses
 *       granted to You under this License for that Work shall terminate
 *       as of the date such litigation is filed.
 *
 *    4. Redistribution. You may reproduce and distribute copies of the
 *       Work or Derivative Works thereof in any medium, with or without
 *       modifications, and in Source or Object form, provided that You
 *       meet the following conditions:
 *
 *       (a) You must give any other recipients of the Work or
 *           Derivative Works a copy of this License; and
 *
 *       (b) You must cause any modified files to carry prominent notices
 *           stating that You changed the files; and
 *
 *       (c) You must retain, in the Source form of any Derivative Works
 *           that You distribute, all copyright, patent, trademark, and
 *           attribution notices from the Source form of the Work,
 *           excluding those notices that do not pertain to any part of
 *           the Derivative Works; and
 *
 *       (d) If the Work includes a "NOTICE" text file as part of its
 *           distribution, then any Derivative Works that You distribute must
 *           include a readable copy of the attribution notices contained
 *           within such NOTICE file, excluding those notices that do not
 *           pertain to any part of the Derivative Works, in at least one
 *           of the following places: within a NOTICE text file distributed
 *           as part of the Derivative Works; within the Source form or
 *           documentation, if provided along with the Derivative Works; or,
 *           within a display generated by the Derivative Works, if and
 *           wherever such third-party notices normally appear. The contents
 *           of the NOTICE file are for informational purposes only and
 *           do not modify the License. You may add Your own attribution
 *           notices within Derivative Works that You distribute, alongside
 *           or as an addendum to the NOTICE text from the Work, provided
 *           that such additional attribution notices cannot be construed
 *           as modifying the License.
 *
 *       You may add Your own copyright statement to Your modifications and
 *       may provide additional or different license terms and conditions
 *       for use, reproduction, or distribution of Your modifications, or
 *       for any such Derivative Works as a whole, provided Your use,
 *       reproduction, and distribution of the Work otherwise complies with
 *       the conditions stated in this License.
 *
 *    5. Submission of Contributions. Unless You explicitly state otherwise,
 *       any Contribution intentionally submitted for inclusion in the Work
 *       by You to the Licensor shall be under the terms and conditions of
 *       this License, without any additional terms or conditions.
 *       Notwithstanding the above, nothing herein shall supersede or modify
 *       the terms of any separate license agreement you may have executed
 *       with Licensor regarding such Contributions.
 *
 *    6. Trademarks. This License does not grant permission to use the trade
 *       names, trademarks, service marks, or product names of the Licensor,
 *       except as required for reasonable and customary use in describing the
 *       origin of the Work and reproducing the content of the NOTICE file.
 *
 *    7. Disclaimer of Warranty. Unless required by applicable law or
 *       agreed to in writing, Licensor provides the Work (and each
 *       Contributor provides its Contributions) on an "AS IS" BASIS,
 *       WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
 *       implied, including, without limitation, any warranties or conditions
 *       of TITLE, NON-INFRINGEMENT, MERCHANTABILITY, or FITNESS FOR A
 *       PARTICULAR PURPOSE. You are solely responsible for determining the
 *       appropriateness of using or redistributing the Work and assume any
 *       risks associated with Your exercise of permissions under this License.
 *
 *    8. Limitation of Liability. In no event and under no legal theory,
 *       whether in tort (including negligence), contract, or otherwise,
 *       unless required by applicable law (such as deliberate and grossly
 *       negligent acts) or agreed to in writing, shall any Contributor be
 *       liable to You for damages, including any direct, indirect, special,
 *       incidental, or consequential damages of any character arising as a
 *       result of this License or out of the use or inability to use the
 *       Work (including but not limited to damages for loss of goodwill,
 *       work stoppage, computer failure or malfunction, or any and all
 *       other commercial damages or losses), even if such Contributor
 *       has been advised of the possibility of such damages.
 *
 *    9. Accepting Warranty or Additional Liability. While redistributing
 *       the Work or Derivative Works thereof, You may choose to offer,
 *       and charge a fee for, acceptance of support, warranty, indemnity,
 *       or other liability obligations and/or rights consistent with this
 *       License. However, in accepting such obligations, You may act only
 *       on Your own behalf and on Your sole responsibility, not on behalf
 *       of any other Contributor, and only if You agree to indemnify,
 *       defend, and hold each Contributor harmless for any liability
 *       incurred by, or claims asserted against, such Contributor by reason
 *       of your accepting any such warranty or additional liability.
 *
 *    END OF TERMS AND CONDITIONS
 *
 *    APPENDIX: How to apply the Apache License to your work.
 *
 *       To apply the Apache License to your work, attach the following
 *       boilerplate notice, with the fields enclosed by brackets "[]"
 *       replaced with your own identifying information. (Don't include
 *       the brackets!)  The text should be enclosed in the appropriate
 *       comment syntax for the file format. We also recommend that a
 *       file or class name and description of purpose be included on the
 *       same "printed page" as the copyright notice for easier
 *       identification within third-party archives.
 *
 *    Copyright [yyyy] [name of copyright owner]
 *
 *    Licensed under the Apache License, Version 2.0 (the "License");
 *    you may not use this file except in compliance with the License.
 *    You may obtain a copy of the License at
 *
 *        http://www.apache.org/licenses/LICENSE-2.0
 *
 *    Unless required by applicable law or agreed to in writing, software
 *    distributed under the License is distributed on an "AS IS" BASIS,
 *    WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 *    See the License for the specific language governing permissions and
 *    limitations under the License.
 */
/* clang-format off */
#include "pvs/sunspec.h"

static const struct pvs_ss_point pt_1[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Mn", NULL, NULL, 0, 2, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"Md", NULL, NULL, 0, 18, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"Opt", NULL, NULL, 0, 34, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Vr", NULL, NULL, 0, 42, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"SN", NULL, NULL, 0, 50, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"DA", NULL, NULL, 0, 66, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 67, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_1 = {"common", pt_1, 9, NULL, 0, 68, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_2[] = {
    {"OFF", 1U},
    {"ON", 2U},
    {"FULL", 3U},
    {"FAULT", 4U},
};
static const struct pvs_ss_symbol sy_3[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"RESERVED_2", 2U},
    {"DC_DISCONNECT", 3U},
    {"RESERVED_4", 4U},
    {"RESERVED_5", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMPERATURE", 7U},
    {"RESERVED_8", 8U},
    {"RESERVED_9", 9U},
    {"RESERVED_10", 10U},
    {"RESERVED_11", 11U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMPERATURE", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"THEFT_DETECTION", 16U},
    {"OUTPUT_OVER_CURRENT", 17U},
    {"OUTPUT_OVER_VOLTAGE", 18U},
    {"OUTPUT_UNDER_VOLTAGE", 19U},
    {"TEST_FAILED", 20U},
};
static const struct pvs_ss_symbol sy_4[] = {
    {"NONE", 0U},
    {"AUTOMATIC", 1U},
    {"FORCE_OFF", 2U},
    {"TEST", 3U},
    {"THROTTLE", 4U},
};
static const struct pvs_ss_point pt_5[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AID", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"UN", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"St", NULL, sy_2, 4, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt", NULL, sy_3, 21, 7, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 9, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Ctl", NULL, sy_4, 5, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CtlVnd", NULL, NULL, 0, 12, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
    {"CtlVl", NULL, NULL, 0, 14, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_2 = {"aggregator", pt_5, 12, NULL, 0, 16, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_6[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_7[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"X", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off1", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off2", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off3", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off4", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off5", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off6", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off7", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off8", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off9", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off10", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off11", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off12", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off13", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off14", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off15", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off16", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off17", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off18", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off19", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off20", NULL, NULL, 0, 22, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off21", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off22", NULL, NULL, 0, 24, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off23", NULL, NULL, 0, 25, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off24", NULL, NULL, 0, 26, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off25", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off26", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off27", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off28", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off29", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off30", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off31", NULL, NULL, 0, 33, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off32", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off33", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off34", NULL, NULL, 0, 36, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off35", NULL, NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off36", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off37", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off38", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off39", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off40", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off41", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off42", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off43", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off44", NULL, NULL, 0, 46, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off45", NULL, NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off46", NULL, NULL, 0, 48, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off47", NULL, NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off48", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off49", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off50", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 53, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 56, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Role", NULL, NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alg", NULL, sy_6, 3, 58, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_8[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_9[] = {
    {"repeating", pt_8, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_3 = {"model_3", pt_7, 59, gr_9, 1, 60, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_10[] = {
    {"SUCCESS", 0U},
    {"DS", 1U},
    {"ACL", 2U},
    {"OFF", 3U},
};
static const struct pvs_ss_symbol sy_11[] = {
    {"NONE", 0U},
    {"ALM", 1U},
};
static const struct pvs_ss_symbol sy_12[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_13[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RqSeq", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Sts", NULL, sy_10, 4, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"X", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val1", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val2", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val3", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val4", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val5", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val6", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val7", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val8", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val9", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val10", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val11", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val12", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val13", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val14", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val15", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val16", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val17", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val18", NULL, NULL, 0, 22, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val19", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val20", NULL, NULL, 0, 24, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val21", NULL, NULL, 0, 25, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val22", NULL, NULL, 0, 26, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val23", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val24", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val25", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val26", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val27", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val28", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val29", NULL, NULL, 0, 33, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val30", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val31", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val32", NULL, NULL, 0, 36, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val33", NULL, NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val34", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val35", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val36", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val37", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val38", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val39", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val40", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val41", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val42", NULL, NULL, 0, 46, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val43", NULL, NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val44", NULL, NULL, 0, 48, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val45", NULL, NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val46", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val47", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val48", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val49", NULL, NULL, 0, 53, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val50", NULL, NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 55, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 58, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alm", NULL, sy_11, 2, 59, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Alg", NULL, sy_12, 3, 60, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 61, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_14[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_15[] = {
    {"repeating", pt_14, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_4 = {"model_4", pt_13, 61, gr_15, 1, 62, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_16[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_17[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"X", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off1", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val1", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off2", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val2", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off3", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val3", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off4", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val4", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off5", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val5", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off6", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val6", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off7", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val7", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off8", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val8", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off9", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val9", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off10", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val10", NULL, NULL, 0, 22, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off11", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val11", NULL, NULL, 0, 24, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off12", NULL, NULL, 0, 25, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val12", NULL, NULL, 0, 26, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off13", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val13", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off14", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val14", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off15", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val15", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off16", NULL, NULL, 0, 33, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val16", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off17", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val17", NULL, NULL, 0, 36, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off18", NULL, NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val18", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off19", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val19", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off20", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val20", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off21", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val21", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off22", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val22", NULL, NULL, 0, 46, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off23", NULL, NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val23", NULL, NULL, 0, 48, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off24", NULL, NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val24", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off25", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val25", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off26", NULL, NULL, 0, 53, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val26", NULL, NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off27", NULL, NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val27", NULL, NULL, 0, 56, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off28", NULL, NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val28", NULL, NULL, 0, 58, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off29", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val29", NULL, NULL, 0, 60, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off30", NULL, NULL, 0, 61, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val30", NULL, NULL, 0, 62, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off31", NULL, NULL, 0, 63, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val31", NULL, NULL, 0, 64, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off32", NULL, NULL, 0, 65, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val32", NULL, NULL, 0, 66, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off33", NULL, NULL, 0, 67, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val33", NULL, NULL, 0, 68, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off34", NULL, NULL, 0, 69, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val34", NULL, NULL, 0, 70, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off35", NULL, NULL, 0, 71, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val35", NULL, NULL, 0, 72, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off36", NULL, NULL, 0, 73, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val36", NULL, NULL, 0, 74, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off37", NULL, NULL, 0, 75, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val37", NULL, NULL, 0, 76, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off38", NULL, NULL, 0, 77, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val38", NULL, NULL, 0, 78, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off39", NULL, NULL, 0, 79, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val39", NULL, NULL, 0, 80, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off40", NULL, NULL, 0, 81, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val40", NULL, NULL, 0, 82, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 83, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 85, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 86, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Role", NULL, NULL, 0, 87, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alg", NULL, sy_16, 3, 88, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 89, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_18[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_19[] = {
    {"repeating", pt_18, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_5 = {"model_5", pt_17, 89, gr_19, 1, 90, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_20[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_21[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"X", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Off", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val1", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val2", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val3", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val4", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val5", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val6", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val7", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val8", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val9", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val10", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val11", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val12", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val13", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val14", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val15", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val16", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val17", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val18", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val19", NULL, NULL, 0, 22, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val20", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val21", NULL, NULL, 0, 24, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val22", NULL, NULL, 0, 25, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val23", NULL, NULL, 0, 26, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val24", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val25", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val26", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val27", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val28", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val29", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val30", NULL, NULL, 0, 33, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val31", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val32", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val33", NULL, NULL, 0, 36, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val34", NULL, NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val35", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val36", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val37", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val38", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val39", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val40", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val41", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val42", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val43", NULL, NULL, 0, 46, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val44", NULL, NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val45", NULL, NULL, 0, 48, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val46", NULL, NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val47", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val48", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val49", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val50", NULL, NULL, 0, 53, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val51", NULL, NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val52", NULL, NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val53", NULL, NULL, 0, 56, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val54", NULL, NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val55", NULL, NULL, 0, 58, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val56", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val57", NULL, NULL, 0, 60, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val58", NULL, NULL, 0, 61, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val59", NULL, NULL, 0, 62, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val60", NULL, NULL, 0, 63, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val61", NULL, NULL, 0, 64, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val62", NULL, NULL, 0, 65, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val63", NULL, NULL, 0, 66, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val64", NULL, NULL, 0, 67, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val65", NULL, NULL, 0, 68, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val66", NULL, NULL, 0, 69, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val67", NULL, NULL, 0, 70, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val68", NULL, NULL, 0, 71, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val69", NULL, NULL, 0, 72, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val70", NULL, NULL, 0, 73, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val71", NULL, NULL, 0, 74, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val72", NULL, NULL, 0, 75, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val73", NULL, NULL, 0, 76, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val74", NULL, NULL, 0, 77, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val75", NULL, NULL, 0, 78, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val76", NULL, NULL, 0, 79, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val77", NULL, NULL, 0, 80, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val78", NULL, NULL, 0, 81, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val79", NULL, NULL, 0, 82, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Val80", NULL, NULL, 0, 83, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 84, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 86, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 87, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Role", NULL, NULL, 0, 88, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Rsrvd", NULL, NULL, 0, 89, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Alg", NULL, sy_20, 3, 90, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 91, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_22[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_23[] = {
    {"repeating", pt_22, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_6 = {"model_6", pt_21, 91, gr_23, 1, 92, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_24[] = {
    {"SUCCESS", 0U},
    {"DS", 1U},
    {"ACL", 2U},
    {"OFF", 3U},
    {"VAL", 4U},
};
static const struct pvs_ss_symbol sy_25[] = {
    {"NONE", 0U},
    {"ALM", 1U},
};
static const struct pvs_ss_symbol sy_26[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_27[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RqSeq", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Sts", NULL, sy_24, 5, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 4, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alm", NULL, sy_25, 2, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Rsrvd", NULL, NULL, 0, 9, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Alg", NULL, sy_26, 3, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_28[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_29[] = {
    {"repeating", pt_28, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_7 = {"model_7", pt_27, 11, gr_29, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_30[] = {
    {"NONE", 0U},
    {"X509_PEM", 1U},
    {"X509_DER", 2U},
};
static const struct pvs_ss_point pt_31[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Fmt", NULL, sy_30, 3, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_32[] = {
    {"Cert", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_33[] = {
    {"repeating", pt_32, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_8 = {"model_8", pt_31, 4, gr_33, 1, 4, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_34[] = {
    {"NONE", 0U},
    {"X509_PEM", 1U},
    {"X509_DER", 2U},
};
static const struct pvs_ss_symbol sy_35[] = {
    {"DEV_KEY_PAIR", 0U},
    {"DEV_SHARED_KEY", 1U},
    {"OPERATOR_PUB", 2U},
    {"OPERATOR_SHARED", 3U},
    {"CA_PUB", 4U},
};
static const struct pvs_ss_symbol sy_36[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_37[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CertUID", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CertRole", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Fmt", NULL, sy_34, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Typ", NULL, sy_35, 5, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"TotLn", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"FrgLn", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg1", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg2", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg3", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg4", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg5", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg6", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg7", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg8", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg9", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg10", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg11", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg12", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg13", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg14", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg15", NULL, NULL, 0, 22, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg16", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg17", NULL, NULL, 0, 24, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg18", NULL, NULL, 0, 25, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg19", NULL, NULL, 0, 26, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg20", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg21", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg22", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg23", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg24", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg25", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg26", NULL, NULL, 0, 33, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg27", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg28", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg29", NULL, NULL, 0, 36, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg30", NULL, NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg31", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg32", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg33", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg34", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg35", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg36", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg37", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg38", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg39", NULL, NULL, 0, 46, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg40", NULL, NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg41", NULL, NULL, 0, 48, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg42", NULL, NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg43", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg44", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg45", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg46", NULL, NULL, 0, 53, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg47", NULL, NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg48", NULL, NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg49", NULL, NULL, 0, 56, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg50", NULL, NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg51", NULL, NULL, 0, 58, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg52", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg53", NULL, NULL, 0, 60, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg54", NULL, NULL, 0, 61, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg55", NULL, NULL, 0, 62, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg56", NULL, NULL, 0, 63, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg57", NULL, NULL, 0, 64, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg58", NULL, NULL, 0, 65, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg59", NULL, NULL, 0, 66, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg60", NULL, NULL, 0, 67, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg61", NULL, NULL, 0, 68, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg62", NULL, NULL, 0, 69, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg63", NULL, NULL, 0, 70, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg64", NULL, NULL, 0, 71, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg65", NULL, NULL, 0, 72, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg66", NULL, NULL, 0, 73, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg67", NULL, NULL, 0, 74, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg68", NULL, NULL, 0, 75, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg69", NULL, NULL, 0, 76, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg70", NULL, NULL, 0, 77, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg71", NULL, NULL, 0, 78, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg72", NULL, NULL, 0, 79, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg73", NULL, NULL, 0, 80, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg74", NULL, NULL, 0, 81, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg75", NULL, NULL, 0, 82, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg78", NULL, NULL, 0, 83, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg79", NULL, NULL, 0, 84, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Frg80", NULL, NULL, 0, 85, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 86, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 88, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 89, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"UID", NULL, NULL, 0, 90, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Role", NULL, NULL, 0, 91, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alg", NULL, sy_36, 3, 92, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 93, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_38[] = {
    {"Cert", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_39[] = {
    {"repeating", pt_38, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_9 = {"model_9", pt_37, 93, gr_39, 1, 94, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_40[] = {
    {"DOWN", 0U},
    {"UP", 1U},
    {"FAULT", 2U},
};
static const struct pvs_ss_symbol sy_41[] = {
    {"UNKNOWN", 0U},
    {"INTERNAL", 1U},
    {"TWISTED_PAIR", 2U},
    {"FIBER", 3U},
    {"WIRELESS", 4U},
};
static const struct pvs_ss_point pt_42[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"St", NULL, sy_40, 3, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ctl", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Typ", NULL, sy_41, 5, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 5, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_10 = {"model_10", pt_42, 6, NULL, 0, 6, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_43[] = {
    {"LINK", 0U},
    {"FULL_DUPLEX", 1U},
    {"AUTO_NEG1", 2U},
    {"AUTO_NEG2", 3U},
    {"AUTO_NEG3", 4U},
    {"RESET_REQUIRED", 5U},
    {"HW_FAULT", 6U},
};
static const struct pvs_ss_symbol sy_44[] = {
    {"UNKNOWN", 0U},
    {"ENABLED", 1U},
    {"DISABLED", 2U},
    {"TESTING", 3U},
};
static const struct pvs_ss_symbol sy_45[] = {
    {"AUTO", 0U},
    {"FULL_DUPLEX", 1U},
};
static const struct pvs_ss_point pt_46[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Spd", "Mbps", NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CfgSt", NULL, sy_43, 7, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"St", NULL, sy_44, 4, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MAC", NULL, NULL, 0, 5, 4, PVS_SS_EUI48, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 9, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Ctl", NULL, sy_45, 2, 13, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"FrcSpd", "Mbps", NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_11 = {"model_11", pt_46, 9, NULL, 0, 15, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_47[] = {
    {"NOT_CONFIGURED", 0U},
    {"VALID_SETTING", 1U},
    {"VALID_HW", 2U},
};
static const struct pvs_ss_symbol sy_48[] = {
    {"PENDING", 0U},
};
static const struct pvs_ss_symbol sy_49[] = {
    {"DHCP", 0U},
    {"BOOTP", 1U},
    {"ZEROCONF", 2U},
    {"DNS", 3U},
    {"CFG_SETTABLE", 4U},
    {"HW_CONFIG", 5U},
    {"NTP_CLIENT", 6U},
    {"RESET_REQUIRED", 7U},
};
static const struct pvs_ss_symbol sy_50[] = {
    {"STATIC", 0U},
    {"DHCP", 1U},
    {"BOOTP", 2U},
    {"ZEROCONF", 3U},
};
static const struct pvs_ss_symbol sy_51[] = {
    {"ENABLE_DNS", 0U},
    {"ENABLE_NTP", 1U},
};
static const struct pvs_ss_point pt_52[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"CfgSt", NULL, sy_47, 3, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ChgSt", NULL, sy_48, 1, 7, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Cap", NULL, sy_49, 8, 8, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Cfg", NULL, sy_50, 4, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ctl", NULL, sy_51, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Addr", NULL, NULL, 0, 11, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Msk", NULL, NULL, 0, 19, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Gw", NULL, NULL, 0, 27, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS1", NULL, NULL, 0, 35, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS2", NULL, NULL, 0, 43, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"NTP1", NULL, NULL, 0, 51, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"NTP2", NULL, NULL, 0, 63, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"DomNam", NULL, NULL, 0, 75, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"HostNam", NULL, NULL, 0, 87, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 99, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_12 = {"model_12", pt_52, 18, NULL, 0, 100, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_53[] = {
    {"NOT_CONFIGURED", 0U},
    {"VALID_SETTING", 1U},
    {"VALID_HW", 2U},
};
static const struct pvs_ss_symbol sy_54[] = {
    {"PENDING", 0U},
};
static const struct pvs_ss_symbol sy_55[] = {
    {"DHCP", 0U},
    {"BOOTP", 1U},
    {"ZEROCONF", 2U},
    {"DNS", 3U},
    {"CFG_SETTABLE", 4U},
    {"HW_CONFIG", 5U},
    {"NTP_CLIENT", 6U},
    {"RESET_REQUIRED", 7U},
};
static const struct pvs_ss_symbol sy_56[] = {
    {"STATIC", 0U},
    {"DHCP", 1U},
    {"BOOTP", 2U},
    {"ZEROCONF", 3U},
};
static const struct pvs_ss_symbol sy_57[] = {
    {"ENABLE_DNS", 0U},
    {"ENABLE_NTP", 1U},
};
static const struct pvs_ss_point pt_58[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"CfgSt", NULL, sy_53, 3, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ChgSt", NULL, sy_54, 1, 7, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Cap", NULL, sy_55, 8, 8, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Cfg", NULL, sy_56, 4, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ctl", NULL, sy_57, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Addr", NULL, NULL, 0, 11, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"CIDR", NULL, NULL, 0, 31, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"Gw", NULL, NULL, 0, 51, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS1", NULL, NULL, 0, 71, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS2", NULL, NULL, 0, 91, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"NTP1", NULL, NULL, 0, 111, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"NTP2", NULL, NULL, 0, 131, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"DomNam", NULL, NULL, 0, 151, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"HostNam", NULL, NULL, 0, 163, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 175, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_13 = {"model_13", pt_58, 18, NULL, 0, 176, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_59[] = {
    {"NO_PROXY", 0U},
    {"IPV4_PROXY", 1U},
    {"IPV6_PROXY", 2U},
};
static const struct pvs_ss_point pt_60[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Cap", NULL, sy_59, 3, 6, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Cfg", NULL, NULL, 0, 7, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Typ", NULL, NULL, 0, 8, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Addr", NULL, NULL, 0, 9, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"Port", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"User", NULL, NULL, 0, 30, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pw", NULL, NULL, 0, 42, 12, PVS_SS_STRING, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_14 = {"model_14", pt_60, 10, NULL, 0, 54, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_61[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Clr", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InCnt", NULL, NULL, 0, 3, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"InUcCnt", NULL, NULL, 0, 5, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"InNUcCnt", NULL, NULL, 0, 7, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"InDscCnt", NULL, NULL, 0, 9, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"InErrCnt", NULL, NULL, 0, 11, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"InUnkCnt", NULL, NULL, 0, 13, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"OutCnt", NULL, NULL, 0, 15, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"OutUcCnt", NULL, NULL, 0, 17, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"OutNUcCnt", NULL, NULL, 0, 19, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"OutDscCnt", NULL, NULL, 0, 21, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"OutErrCnt", NULL, NULL, 0, 23, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 25, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_15 = {"model_15", pt_61, 15, NULL, 0, 26, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_62[] = {
    {"STATIC", 0U},
    {"DHCP", 1U},
};
static const struct pvs_ss_symbol sy_63[] = {
    {"ENABLE_DNS", 0U},
    {"ENABLE_NTP", 1U},
};
static const struct pvs_ss_symbol sy_64[] = {
    {"AUTONEGOTIATE", 0U},
    {"FULL_DUPLEX", 1U},
    {"FORCE_10MB", 2U},
    {"FORCE_100MB", 3U},
    {"FORCE_1GB", 4U},
};
static const struct pvs_ss_point pt_65[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Cfg", NULL, sy_62, 2, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ctl", NULL, sy_63, 2, 7, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Addr", NULL, NULL, 0, 8, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Msk", NULL, NULL, 0, 16, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Gw", NULL, NULL, 0, 24, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS1", NULL, NULL, 0, 32, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DNS2", NULL, NULL, 0, 40, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"MAC", NULL, NULL, 0, 48, 4, PVS_SS_EUI48, -1, 0, 0, 0},
    {"LnkCtl", NULL, sy_64, 5, 52, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 53, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_16 = {"model_16", pt_65, 13, NULL, 0, 54, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_66[] = {
    {"NONE", 0U},
    {"ODD", 1U},
    {"EVEN", 2U},
};
static const struct pvs_ss_symbol sy_67[] = {
    {"FULL", 0U},
    {"HALF", 1U},
};
static const struct pvs_ss_symbol sy_68[] = {
    {"NONE", 0U},
    {"HW", 1U},
    {"XONXOFF", 2U},
};
static const struct pvs_ss_symbol sy_69[] = {
    {"UNKNOWN", 0U},
    {"RS232", 1U},
    {"RS485", 2U},
};
static const struct pvs_ss_symbol sy_70[] = {
    {"UNKNOWN", 0U},
    {"MODBUS", 1U},
    {"VENDOR", 2U},
};
static const struct pvs_ss_point pt_71[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Rte", "bps", NULL, 0, 6, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Bits", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Pty", NULL, sy_66, 3, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Dup", NULL, sy_67, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Flw", NULL, sy_68, 3, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Typ", NULL, sy_69, 3, 12, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pcol", NULL, sy_70, 3, 13, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_17 = {"model_17", pt_71, 10, NULL, 0, 14, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_72[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"IMEI", NULL, NULL, 0, 6, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"APN", NULL, NULL, 0, 8, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Num", NULL, NULL, 0, 12, 6, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pin", NULL, NULL, 0, 18, 6, PVS_SS_STRING, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_18 = {"model_18", pt_72, 7, NULL, 0, 24, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_73[] = {
    {"NONE", 0U},
    {"ODD", 1U},
    {"EVEN", 2U},
};
static const struct pvs_ss_symbol sy_74[] = {
    {"FULL", 0U},
    {"HALF", 1U},
};
static const struct pvs_ss_symbol sy_75[] = {
    {"NONE", 0U},
    {"HW", 1U},
    {"XONXOFF", 2U},
};
static const struct pvs_ss_symbol sy_76[] = {
    {"NONE", 0U},
    {"PAP", 1U},
    {"CHAP", 2U},
};
static const struct pvs_ss_point pt_77[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Rte", "bps", NULL, 0, 6, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Bits", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Pty", NULL, sy_73, 3, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Dup", NULL, sy_74, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Flw", NULL, sy_75, 3, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Auth", NULL, sy_76, 3, 12, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"UsrNam", NULL, NULL, 0, 13, 12, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pw", NULL, NULL, 0, 25, 6, PVS_SS_STRING, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 31, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_19 = {"model_19", pt_77, 12, NULL, 0, 32, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_78[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
};
static const struct pvs_ss_symbol sy_79[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_80[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphBC", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphCA", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphA", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphB", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphC", "V", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"V_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"W_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 18, 1, PVS_SS_INT16, 0, 19, 0, 0},
    {"VA_SF", NULL, NULL, 0, 19, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 20, 1, PVS_SS_INT16, 0, 21, 0, 0},
    {"VAr_SF", NULL, NULL, 0, 21, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 22, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"PF_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 24, 2, PVS_SS_ACC32, 0, 25, 0, 0},
    {"WH_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 27, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 28, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 29, 1, PVS_SS_UINT16, 0, 29, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 31, 1, PVS_SS_INT16, 0, 31, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 33, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpSnk", "C", NULL, 0, 34, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpTrns", "C", NULL, 0, 35, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpOt", "C", NULL, 0, 36, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"St", NULL, sy_78, 8, 38, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 39, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_79, 16, 40, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 42, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 44, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 46, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 48, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_101 = {"inverter_single_phase", pt_80, 45, NULL, 0, 52, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_81[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
};
static const struct pvs_ss_symbol sy_82[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_83[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphBC", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphCA", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphA", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphB", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphC", "V", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"V_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"W_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 18, 1, PVS_SS_INT16, 0, 19, 0, 0},
    {"VA_SF", NULL, NULL, 0, 19, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 20, 1, PVS_SS_INT16, 0, 21, 0, 0},
    {"VAr_SF", NULL, NULL, 0, 21, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 22, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"PF_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 24, 2, PVS_SS_ACC32, 0, 25, 0, 0},
    {"WH_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 27, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 28, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 29, 1, PVS_SS_UINT16, 0, 29, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 31, 1, PVS_SS_INT16, 0, 31, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 33, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpSnk", "C", NULL, 0, 34, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpTrns", "C", NULL, 0, 35, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpOt", "C", NULL, 0, 36, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"St", NULL, sy_81, 8, 38, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 39, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_82, 16, 40, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 42, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 44, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 46, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 48, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_102 = {"inverter_split_phase", pt_83, 45, NULL, 0, 52, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_84[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
};
static const struct pvs_ss_symbol sy_85[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_86[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphBC", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PPVphCA", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphA", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphB", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"PhVphC", "V", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"V_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"W_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 18, 1, PVS_SS_INT16, 0, 19, 0, 0},
    {"VA_SF", NULL, NULL, 0, 19, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 20, 1, PVS_SS_INT16, 0, 21, 0, 0},
    {"VAr_SF", NULL, NULL, 0, 21, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 22, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"PF_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 24, 2, PVS_SS_ACC32, 0, 25, 0, 0},
    {"WH_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 27, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 28, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 29, 1, PVS_SS_UINT16, 0, 29, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 31, 1, PVS_SS_INT16, 0, 31, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 33, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpSnk", "C", NULL, 0, 34, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpTrns", "C", NULL, 0, 35, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"TmpOt", "C", NULL, 0, 36, 1, PVS_SS_INT16, 0, 36, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"St", NULL, sy_84, 8, 38, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 39, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_85, 16, 40, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 42, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 44, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 46, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 48, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_103 = {"inverter_three_phase", pt_86, 45, NULL, 0, 52, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_87[] = {
    {"ggOFF", 1U},
    {"ggSLEEPING", 2U},
    {"ggSTARTING", 3U},
    {"ggMPPT", 4U},
    {"ggTHROTTLED", 5U},
    {"ggSHUTTING_DOWN", 6U},
    {"ggFAULT", 7U},
    {"ggSTANDBY", 8U},
};
static const struct pvs_ss_symbol sy_88[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_89[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpSnk", "C", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpTrns", "C", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpOt", "C", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"St", NULL, sy_87, 8, 48, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_88, 16, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 52, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 54, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 56, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 58, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 60, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_111 = {"inverter_single_phase_float", pt_89, 33, NULL, 0, 62, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_90[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
};
static const struct pvs_ss_symbol sy_91[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_92[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpSnk", "C", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpTrns", "C", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpOt", "C", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"St", NULL, sy_90, 8, 48, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_91, 16, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 52, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 54, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 56, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 58, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 60, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_112 = {"inverter_split_phase_float", pt_92, 33, NULL, 0, 62, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_93[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
};
static const struct pvs_ss_symbol sy_94[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
};
static const struct pvs_ss_point pt_95[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAr", "var", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WH", "Wh", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCV", "V", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpCab", "C", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpSnk", "C", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpTrns", "C", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TmpOt", "C", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"St", NULL, sy_93, 8, 48, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StVnd", NULL, NULL, 0, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt1", NULL, sy_94, 16, 50, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 52, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 54, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 56, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd3", NULL, NULL, 0, 58, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd4", NULL, NULL, 0, 60, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_113 = {"inverter_three_phase_float", pt_95, 33, NULL, 0, 62, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_96[] = {
    {"PV", 4U},
    {"PV_STOR", 82U},
};
static const struct pvs_ss_point pt_97[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DERTyp", NULL, sy_96, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WRtg", "W", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"WRtg_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VARtg", "VA", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"VARtg_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VArRtgQ1", "var", NULL, 0, 7, 1, PVS_SS_INT16, 0, 11, 0, 0},
    {"VArRtgQ2", "var", NULL, 0, 8, 1, PVS_SS_INT16, 0, 11, 0, 0},
    {"VArRtgQ3", "var", NULL, 0, 9, 1, PVS_SS_INT16, 0, 11, 0, 0},
    {"VArRtgQ4", "var", NULL, 0, 10, 1, PVS_SS_INT16, 0, 11, 0, 0},
    {"VArRtg_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ARtg", "A", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"ARtg_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PFRtgQ1", "cos()", NULL, 0, 14, 1, PVS_SS_INT16, 0, 18, 0, 0},
    {"PFRtgQ2", "cos()", NULL, 0, 15, 1, PVS_SS_INT16, 0, 18, 0, 0},
    {"PFRtgQ3", "cos()", NULL, 0, 16, 1, PVS_SS_INT16, 0, 18, 0, 0},
    {"PFRtgQ4", "cos()", NULL, 0, 17, 1, PVS_SS_INT16, 0, 18, 0, 0},
    {"PFRtg_SF", NULL, NULL, 0, 18, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WHRtg", "Wh", NULL, 0, 19, 1, PVS_SS_UINT16, 0, 20, 0, 0},
    {"WHRtg_SF", NULL, NULL, 0, 20, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"AhrRtg", "AH", NULL, 0, 21, 1, PVS_SS_UINT16, 0, 22, 0, 0},
    {"AhrRtg_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"MaxChaRte", "W", NULL, 0, 23, 1, PVS_SS_UINT16, 0, 24, 0, 0},
    {"MaxChaRte_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"MaxDisChaRte", "W", NULL, 0, 25, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"MaxDisChaRte_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 27, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_120 = {"nameplate", pt_97, 28, NULL, 0, 28, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_98[] = {
    {"SWITCH", 1U},
    {"MAINTAIN", 2U},
};
static const struct pvs_ss_symbol sy_99[] = {
    {"VECTOR", 1U},
    {"ARITHMETIC", 2U},
};
static const struct pvs_ss_symbol sy_100[] = {
    {"A", 1U},
    {"B", 2U},
    {"C", 3U},
};
static const struct pvs_ss_point pt_101[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WMax", "W", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 22, 0, 0},
    {"VRef", "V", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 23, 0, 0},
    {"VRefOfs", "V", NULL, 0, 4, 1, PVS_SS_INT16, 0, 24, 0, 0},
    {"VMax", "V", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 25, 0, 0},
    {"VMin", "V", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 25, 0, 0},
    {"VAMax", "VA", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"VArMaxQ1", "var", NULL, 0, 8, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VArMaxQ2", "var", NULL, 0, 9, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VArMaxQ3", "var", NULL, 0, 10, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VArMaxQ4", "var", NULL, 0, 11, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"WGra", "% WMax/sec", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 28, 0, 0},
    {"PFMinQ1", "cos()", NULL, 0, 13, 1, PVS_SS_INT16, 0, 29, 0, 0},
    {"PFMinQ2", "cos()", NULL, 0, 14, 1, PVS_SS_INT16, 0, 29, 0, 0},
    {"PFMinQ3", "cos()", NULL, 0, 15, 1, PVS_SS_INT16, 0, 29, 0, 0},
    {"PFMinQ4", "cos()", NULL, 0, 16, 1, PVS_SS_INT16, 0, 29, 0, 0},
    {"VArAct", NULL, sy_98, 2, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ClcTotVA", NULL, sy_99, 2, 18, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MaxRmpRte", "% WGra", NULL, 0, 19, 1, PVS_SS_UINT16, 0, 30, 0, 0},
    {"ECPNomHz", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 0, 31, 0, 0},
    {"ConnPh", NULL, sy_100, 3, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WMax_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VRef_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VRefOfs_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VMinMax_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAMax_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VArMax_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WGra_SF", NULL, NULL, 0, 28, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PFMin_SF", NULL, NULL, 0, 29, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"MaxRmpRte_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ECPNomHz_SF", NULL, NULL, 0, 31, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_121 = {"settings", pt_101, 32, NULL, 0, 32, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_102[] = {
    {"CONNECTED", 0U},
    {"AVAILABLE", 1U},
    {"OPERATING", 2U},
    {"TEST", 3U},
};
static const struct pvs_ss_symbol sy_103[] = {
    {"CONNECTED", 0U},
    {"AVAILABLE", 1U},
    {"OPERATING", 2U},
    {"TEST", 3U},
};
static const struct pvs_ss_symbol sy_104[] = {
    {"DISCONNECTED", 0U},
    {"CONNECTED", 1U},
};
static const struct pvs_ss_symbol sy_105[] = {
    {"WMax", 0U},
    {"VAMax", 1U},
    {"VArAval", 2U},
    {"VArMaxQ1", 3U},
    {"VArMaxQ2", 4U},
    {"VArMaxQ3", 5U},
    {"VArMaxQ4", 6U},
    {"PFMinQ1", 7U},
    {"PFMinQ2", 8U},
    {"PFMinQ3", 9U},
    {"PFMinQ4", 10U},
};
static const struct pvs_ss_symbol sy_106[] = {
    {"FixedW", 0U},
    {"FixedVAR", 1U},
    {"FixedPF", 2U},
    {"Volt-VAr", 3U},
    {"Freq-Watt-Param", 4U},
    {"Freq-Watt-Curve", 5U},
    {"Dyn-Reactive-Current", 6U},
    {"LVRT", 7U},
    {"HVRT", 8U},
    {"Watt-PF", 9U},
    {"Volt-Watt", 10U},
    {"Scheduled", 12U},
    {"LFRT", 13U},
    {"HFRT", 14U},
};
static const struct pvs_ss_symbol sy_107[] = {
    {"LVRT_ACTIVE", 0U},
    {"HVRT_ACTIVE", 1U},
    {"LFRT_ACTIVE", 2U},
    {"HFRT_ACTIVE", 3U},
};
static const struct pvs_ss_point pt_108[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PVConn", NULL, sy_102, 4, 2, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"StorConn", NULL, sy_103, 4, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"ECPConn", NULL, sy_104, 2, 4, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"ActWh", "Wh", NULL, 0, 5, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ActVAh", "VAh", NULL, 0, 9, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ActVArhQ1", "varh", NULL, 0, 13, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ActVArhQ2", "varh", NULL, 0, 17, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ActVArhQ3", "varh", NULL, 0, 21, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ActVArhQ4", "varh", NULL, 0, 25, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"VArAval", "var", NULL, 0, 29, 1, PVS_SS_INT16, 0, 12, 0, 0},
    {"VArAval_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WAval", "var", NULL, 0, 31, 1, PVS_SS_UINT16, 0, 14, 0, 0},
    {"WAval_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"StSetLimMsk", NULL, sy_105, 11, 33, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StActCtl", NULL, sy_106, 14, 35, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"TmSrc", NULL, NULL, 0, 37, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Tms", "Secs", NULL, 0, 41, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RtSt", NULL, sy_107, 4, 43, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Ris", "ohms", NULL, 0, 44, 1, PVS_SS_UINT16, 0, 21, 0, 0},
    {"Ris_SF", NULL, NULL, 0, 45, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_122 = {"status", pt_108, 22, NULL, 0, 46, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_109[] = {
    {"DISCONNECT", 0U},
    {"CONNECT", 1U},
};
static const struct pvs_ss_symbol sy_110[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_111[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_112[] = {
    {"NONE", 0U},
    {"WMax", 1U},
    {"VArMax", 2U},
    {"VArAval", 3U},
};
static const struct pvs_ss_symbol sy_113[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_point pt_114[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Conn_WinTms", "Secs", NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Conn_RvrtTms", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Conn", NULL, sy_109, 2, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WMaxLimPct", "% WMax", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 23, 0, 0},
    {"WMaxLimPct_WinTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WMaxLimPct_RvrtTms", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WMaxLimPct_RmpTms", "Secs", NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WMaxLim_Ena", NULL, sy_110, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"OutPFSet", "cos()", NULL, 0, 10, 1, PVS_SS_INT16, 0, 24, 0, 0},
    {"OutPFSet_WinTms", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OutPFSet_RvrtTms", "Secs", NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OutPFSet_RmpTms", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OutPFSet_Ena", NULL, sy_111, 2, 14, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VArWMaxPct", "% WMax", NULL, 0, 15, 1, PVS_SS_INT16, 0, 25, 0, 0},
    {"VArMaxPct", "% VArMax", NULL, 0, 16, 1, PVS_SS_INT16, 0, 25, 0, 0},
    {"VArAvalPct", "% VArAval", NULL, 0, 17, 1, PVS_SS_INT16, 0, 25, 0, 0},
    {"VArPct_WinTms", "Secs", NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"VArPct_RvrtTms", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"VArPct_RmpTms", "Secs", NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"VArPct_Mod", NULL, sy_112, 4, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VArPct_Ena", NULL, sy_113, 2, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WMaxLimPct_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"OutPFSet_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VArPct_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_123 = {"controls", pt_114, 26, NULL, 0, 26, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_115[] = {
    {"CHARGE", 0U},
    {"DiSCHARGE", 1U},
};
static const struct pvs_ss_symbol sy_116[] = {
    {"OFF", 1U},
    {"EMPTY", 2U},
    {"DISCHARGING", 3U},
    {"CHARGING", 4U},
    {"FULL", 5U},
    {"HOLDING", 6U},
    {"TESTING", 7U},
};
static const struct pvs_ss_symbol sy_117[] = {
    {"PV", 0U},
    {"GRID", 1U},
};
static const struct pvs_ss_point pt_118[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WChaMax", "W", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 18, 0, 0},
    {"WChaGra", "% WChaMax/sec", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 19, 0, 0},
    {"WDisChaGra", "% WChaMax/sec", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 19, 0, 0},
    {"StorCtl_Mod", NULL, sy_115, 2, 5, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"VAChaMax", "VA", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 20, 0, 0},
    {"MinRsvPct", "% WChaMax", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 21, 0, 0},
    {"ChaState", "% AhrRtg", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 22, 0, 0},
    {"StorAval", "AH", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 23, 0, 0},
    {"InBatV", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 24, 0, 0},
    {"ChaSt", NULL, sy_116, 7, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"OutWRte", "% WDisChaMax", NULL, 0, 12, 1, PVS_SS_INT16, 0, 25, 0, 0},
    {"InWRte", " % WChaMax", NULL, 0, 13, 1, PVS_SS_INT16, 0, 25, 0, 0},
    {"InOutWRte_WinTms", "Secs", NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InOutWRte_RvrtTms", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InOutWRte_RmpTms", "Secs", NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ChaGriSet", NULL, sy_117, 2, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WChaMax_SF", NULL, NULL, 0, 18, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WChaDisChaGra_SF", NULL, NULL, 0, 19, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAChaMax_SF", NULL, NULL, 0, 20, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"MinRsvPct_SF", NULL, NULL, 0, 21, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ChaState_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"StorAval_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InBatV_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InOutWRte_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_124 = {"storage_basic", pt_118, 26, NULL, 0, 26, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_119[] = {
    {"ENABLE", 0U},
};
static const struct pvs_ss_symbol sy_120[] = {
    {"UNKNOWN", 0U},
    {"ABSOLUTE", 1U},
    {"RELATIVE", 2U},
    {"MULTIPLIER", 3U},
    {"LEVEL", 4U},
};
static const struct pvs_ss_point pt_121[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_119, 1, 2, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"SigType", NULL, sy_120, 5, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Sig", NULL, NULL, 0, 4, 1, PVS_SS_INT16, 0, 8, 0, 0},
    {"WinTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvtTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Sig_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 9, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_125 = {"pricing", pt_121, 10, NULL, 0, 10, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_122[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_123[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_122, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DeptRef_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RmpIncDec_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_124[] = {
    {"WMax", 1U},
    {"VArMax", 2U},
    {"VArAval", 3U},
};
static const struct pvs_ss_symbol sy_125[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_126[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_124, 3, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr1", NULL, NULL, 0, 3, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr2", NULL, NULL, 0, 5, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr3", NULL, NULL, 0, 7, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr4", NULL, NULL, 0, 9, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr5", NULL, NULL, 0, 11, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr6", NULL, NULL, 0, 13, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr7", NULL, NULL, 0, 15, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr8", NULL, NULL, 0, 17, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr9", NULL, NULL, 0, 19, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr10", NULL, NULL, 0, 21, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr11", NULL, NULL, 0, 23, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr12", NULL, NULL, 0, 25, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr13", NULL, NULL, 0, 27, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr14", NULL, NULL, 0, 29, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr15", NULL, NULL, 0, 31, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr16", NULL, NULL, 0, 33, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr17", NULL, NULL, 0, 35, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr18", NULL, NULL, 0, 37, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr19", NULL, NULL, 0, 39, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"VAr20", NULL, NULL, 0, 41, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 42, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpDecTmm", "% ref_value/min", NULL, 0, 51, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"RmpIncTmm", "% ref_value/min", NULL, 0, 52, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"ReadOnly", NULL, sy_125, 2, 53, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_127[] = {
    {"curve", pt_126, 47, NULL, 0, 54, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_126 = {"volt_var", pt_123, 12, gr_127, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_128[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_symbol sy_129[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_130[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WGra", "% PM/Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 8, 0, 0},
    {"HzStr", "Hz", NULL, 0, 3, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"HzStop", "Hz", NULL, 0, 4, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"HysEna", NULL, sy_128, 1, 5, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_129, 1, 6, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"HzStopWGra", "% WMax/min", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 10, 0, 0},
    {"WGra_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"HzStrStop_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RmpIncDec_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_127 = {"freq_watt_param", pt_130, 12, NULL, 0, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_131[] = {
    {"EDGE", 0U},
    {"CENTER", 1U},
};
static const struct pvs_ss_symbol sy_132[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_133[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ArGraMod", NULL, sy_131, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ArGraSag", "%ARtg/%dV", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"ArGraSwell", "%ARtg/%dV", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 13, 0, 0},
    {"ModEna", NULL, sy_132, 1, 5, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"FilTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DbVMin", "% VRef", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 14, 0, 0},
    {"DbVMax", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 14, 0, 0},
    {"BlkZnV", "% VRef", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 14, 0, 0},
    {"HysBlkZnV", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 14, 0, 0},
    {"BlkZnTmms", "mSecs", NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"HoldTmms", "mSecs", NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ArGra_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VRefPct_SF", NULL, NULL, 0, 14, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 15, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_128 = {"reactive_current", pt_133, 16, NULL, 0, 16, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_134[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_135[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_134, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_136[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_137[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_136, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_138[] = {
    {"curve", pt_137, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_129 = {"lvrt", pt_135, 12, gr_138, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_139[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_140[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_139, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_141[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_142[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_141, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_143[] = {
    {"curve", pt_142, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_130 = {"hvrt", pt_140, 12, gr_143, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_144[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_145[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_144, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RmpIncDec_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_146[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_147[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"W1", "% WMax", NULL, 0, 1, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF1", "cos()", NULL, 0, 2, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W2", "% WMax", NULL, 0, 3, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF2", "cos()", NULL, 0, 4, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W3", "% WMax", NULL, 0, 5, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF3", "cos()", NULL, 0, 6, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W4", "% WMax", NULL, 0, 7, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF4", "cos()", NULL, 0, 8, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W5", "% WMax", NULL, 0, 9, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF5", "cos()", NULL, 0, 10, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W6", "% WMax", NULL, 0, 11, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF6", "cos()", NULL, 0, 12, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W7", "% WMax", NULL, 0, 13, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF7", "cos()", NULL, 0, 14, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W8", "% WMax", NULL, 0, 15, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF8", "cos()", NULL, 0, 16, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W9", "% WMax", NULL, 0, 17, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF9", "cos()", NULL, 0, 18, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W10", "% WMax", NULL, 0, 19, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF10", "cos()", NULL, 0, 20, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W11", "% WMax", NULL, 0, 21, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF11", "cos()", NULL, 0, 22, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W12", "% WMax", NULL, 0, 23, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF12", "cos()", NULL, 0, 24, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W13", "% WMax", NULL, 0, 25, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF13", "cos()", NULL, 0, 26, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W14", "% WMax", NULL, 0, 27, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF14", "cos()", NULL, 0, 28, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W15", "% WMax", NULL, 0, 29, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF15", "cos()", NULL, 0, 30, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W16", "% WMax", NULL, 0, 31, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF16", "cos()", NULL, 0, 32, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W17", "% WMax", NULL, 0, 33, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF17", "cos()", NULL, 0, 34, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W18", "% WMax", NULL, 0, 35, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF18", "cos()", NULL, 0, 36, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W19", "% WMax", NULL, 0, 37, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF19", "cos()", NULL, 0, 38, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"W20", "% WMax", NULL, 0, 39, 1, PVS_SS_INT16, 1, 9, 0, 0},
    {"PF20", "cos()", NULL, 0, 40, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"RmpPT1Tms", "Secs", NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpDecTmm", "% PF/min", NULL, 0, 50, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"RmpIncTmm", "% PF/min", NULL, 0, 51, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"ReadOnly", NULL, sy_146, 2, 52, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 53, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_148[] = {
    {"curve", pt_147, 47, NULL, 0, 54, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_131 = {"watt_pf", pt_145, 12, gr_148, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_149[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_150[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_149, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DeptRef_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RmpIncDec_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_151[] = {
    {"%WMax", 1U},
    {"%WAval", 2U},
};
static const struct pvs_ss_symbol sy_152[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_153[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_151, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W1", "% VRef", NULL, 0, 3, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W2", "% VRef", NULL, 0, 5, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W3", "% VRef", NULL, 0, 7, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W4", "% VRef", NULL, 0, 9, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W5", "% VRef", NULL, 0, 11, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W6", "% VRef", NULL, 0, 13, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W7", "% VRef", NULL, 0, 15, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W8", "% VRef", NULL, 0, 17, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W9", "% VRef", NULL, 0, 19, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W10", "% VRef", NULL, 0, 21, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W11", "% VRef", NULL, 0, 23, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W12", "% VRef", NULL, 0, 25, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W13", "% VRef", NULL, 0, 27, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W14", "% VRef", NULL, 0, 29, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W15", "% VRef", NULL, 0, 31, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W16", "% VRef", NULL, 0, 33, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W17", "% VRef", NULL, 0, 35, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W18", "% VRef", NULL, 0, 37, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W19", "% VRef", NULL, 0, 39, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W20", "% VRef", NULL, 0, 41, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 42, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"RmpPt1Tms", "Secs", NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpDecTmm", "% WMax/min", NULL, 0, 51, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"RmpIncTmm", "% WMax/min", NULL, 0, 52, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"ReadOnly", NULL, sy_152, 2, 53, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_154[] = {
    {"curve", pt_153, 47, NULL, 0, 54, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_132 = {"volt_watt", pt_150, 12, gr_154, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_155[] = {
    {"SCHED1", 0U},
    {"SCHED2", 1U},
    {"SCHED3", 2U},
    {"SCHED4", 3U},
    {"SCHED5", 4U},
    {"SCHED6", 5U},
    {"SCHED7", 6U},
    {"SCHED8", 7U},
    {"SCHED9", 8U},
    {"SCHED10", 9U},
    {"SCHED12", 10U},
    {"SCHED13", 11U},
    {"SCHED14", 12U},
    {"SCHED15", 13U},
    {"SCHED16", 14U},
    {"SCHED17", 15U},
    {"SCHED18", 16U},
    {"SCHED19", 17U},
    {"SCHED20", 18U},
    {"SCHED21", 19U},
    {"SCHED22", 21U},
    {"SCHED23", 22U},
    {"SCHED24", 23U},
    {"SCHED25", 24U},
    {"SCHED26", 25U},
    {"SCHED27", 26U},
    {"SCHED28", 27U},
    {"SCHED29", 28U},
    {"SCHED30", 29U},
    {"SCHED31", 30U},
    {"SCHED32", 31U},
};
static const struct pvs_ss_symbol sy_156[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_157[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActSchd", NULL, sy_155, 31, 2, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModEna", NULL, sy_156, 1, 4, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"NSchd", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPts", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 7, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_158[] = {
    {"ONETIME", 0U},
    {"DAILY", 1U},
    {"WEEKLY", 2U},
    {"MONTHLY", 3U},
    {"WEEKDAY", 4U},
    {"HOLIDAY", 5U},
    {"WEEKEND", 6U},
    {"YEARLY", 7U},
};
static const struct pvs_ss_symbol sy_159[] = {
    {"UNSET", 0U},
    {"TIME", 1U},
    {"TEMP", 2U},
    {"PRICE", 3U},
    {"OTHER", 99U},
};
static const struct pvs_ss_symbol sy_160[] = {
    {"UNSET", 0U},
    {"WMax", 1U},
    {"RSRVD2", 2U},
    {"PF", 3U},
    {"RSRVD4", 4U},
    {"WATT_PRICE", 5U},
    {"VAR_PRICE", 6U},
    {"RSRVD7", 7U},
    {"VOLT_VAR_ARRAY", 8U},
    {"WChaGra", 9U},
    {"WDisChaGra", 10U},
    {"VArAval", 11U},
    {"Schedule", 12U},
    {"OTHER", 99U},
};
static const struct pvs_ss_point pt_161[] = {
    {"ActPts", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrTms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RepPer", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"IntvTyp", NULL, sy_158, 8, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"XTyp", NULL, sy_159, 5, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"X_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"YTyp", NULL, sy_160, 14, 7, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Y_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"X1", NULL, NULL, 0, 9, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y1", NULL, NULL, 0, 11, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X2", NULL, NULL, 0, 13, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y2", NULL, NULL, 0, 15, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X3", NULL, NULL, 0, 17, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y3", NULL, NULL, 0, 19, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X4", NULL, NULL, 0, 21, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y4", NULL, NULL, 0, 23, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X5", NULL, NULL, 0, 25, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y5", NULL, NULL, 0, 27, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X6", NULL, NULL, 0, 29, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y6", NULL, NULL, 0, 31, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X7", NULL, NULL, 0, 33, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y7", NULL, NULL, 0, 35, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X8", NULL, NULL, 0, 37, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y8", NULL, NULL, 0, 39, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X9", NULL, NULL, 0, 41, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y9", NULL, NULL, 0, 43, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"X10", NULL, NULL, 0, 45, 2, PVS_SS_INT32, 0, 5, 0, 0},
    {"Y10", NULL, NULL, 0, 47, 2, PVS_SS_INT32, 0, 7, 0, 0},
    {"Nam", NULL, NULL, 0, 49, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 57, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 58, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActIndx", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_162[] = {
    {"repeating", pt_161, 32, NULL, 0, 60, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_133 = {"schedule", pt_157, 7, gr_162, 1, 8, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_163[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_164[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_163, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Hz_SF", "SF", NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W_SF", "SF", NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RmpIncDec_SF", "SF", NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_165[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_166[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Hz1", "Hz", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W1", "% WRef", NULL, 0, 2, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz2", "Hz", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W2", "% WRef", NULL, 0, 4, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz3", "Hz", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W3", "% WRef", NULL, 0, 6, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz4", "Hz", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W4", "% WRef", NULL, 0, 8, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz5", "Hz", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W5", "% WRef", NULL, 0, 10, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz6", "Hz", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W6", "% WRef", NULL, 0, 12, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz7", "Hz", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W7", "% WRef", NULL, 0, 14, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz8", "Hz", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W8", "% WRef", NULL, 0, 16, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz9", "Hz", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W9", "% WRef", NULL, 0, 18, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz10", "Hz", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W10", "% WRef", NULL, 0, 20, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz11", "Hz", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W11", "% WRef", NULL, 0, 22, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz12", "Hz", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W12", "% WRef", NULL, 0, 24, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz13", "Hz", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W13", "% WRef", NULL, 0, 26, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz14", "Hz", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W14", "% WRef", NULL, 0, 28, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz15", "Hz", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W15", "% WRef", NULL, 0, 30, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz16", "Hz", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W16", "% WRef", NULL, 0, 32, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz17", "Hz", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W17", "% WRef", NULL, 0, 34, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz18", "Hz", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W18", "% WRef", NULL, 0, 36, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz19", "Hz", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W19", "% WRef", NULL, 0, 38, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"Hz20", "Hz", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"W20", "% WRef", NULL, 0, 40, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"RmpPT1Tms", "Secs", NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpDecTmm", "% WMax/min", NULL, 0, 50, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"RmpIncTmm", "% WMax/min", NULL, 0, 51, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"RmpRsUp", "% WMax/min", NULL, 0, 52, 1, PVS_SS_UINT16, 1, 11, 0, 0},
    {"SnptW", NULL, NULL, 0, 53, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WRef", "W", NULL, 0, 54, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"WRefStrHz", "Hz", NULL, 0, 55, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"WRefStopHz", "Hz", NULL, 0, 56, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"ReadOnly", NULL, sy_165, 2, 57, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_167[] = {
    {"curve", pt_166, 51, NULL, 0, 58, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_134 = {"freq_watt", pt_164, 12, gr_167, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_168[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_169[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_168, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_170[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_171[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_170, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_172[] = {
    {"curve", pt_171, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_135 = {"lfrt", pt_169, 12, gr_172, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_173[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_174[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_173, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_175[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_176[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_175, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_177[] = {
    {"curve", pt_176, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_136 = {"hfrt", pt_174, 12, gr_177, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_178[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_179[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_178, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_180[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_181[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_180, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_182[] = {
    {"curve", pt_181, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_137 = {"lvrtc", pt_179, 12, gr_182, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_183[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_184[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_183, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_185[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_186[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_185, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_187[] = {
    {"curve", pt_186, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_138 = {"hvrtc", pt_184, 12, gr_187, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_188[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_symbol sy_189[] = {
    {"CEASE_TO_ENERGIZE", 1U},
};
static const struct pvs_ss_point pt_190[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_188, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CrvType", NULL, sy_189, 1, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_191[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_192[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_191, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_193[] = {
    {"curve", pt_192, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_139 = {"lvrtx", pt_190, 12, gr_193, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_194[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_symbol sy_195[] = {
    {"CEASE_TO_ENERGIZE", 1U},
};
static const struct pvs_ss_point pt_196[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_194, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CrvType", NULL, sy_195, 1, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_197[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_198[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V1", "% VRef", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V2", "% VRef", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V3", "% VRef", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V4", "% VRef", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V5", "% VRef", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V6", "% VRef", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V7", "% VRef", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V8", "% VRef", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V9", "% VRef", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V10", "% VRef", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V11", "% VRef", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V12", "% VRef", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V13", "% VRef", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V14", "% VRef", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V15", "% VRef", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V16", "% VRef", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V17", "% VRef", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V18", "% VRef", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V19", "% VRef", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"V20", "% VRef", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_197, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_199[] = {
    {"curve", pt_198, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_140 = {"hvrtx", pt_196, 12, gr_199, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_200[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_201[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_200, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_202[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_203[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_202, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_204[] = {
    {"curve", pt_203, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_141 = {"lfrtc", pt_201, 12, gr_204, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_205[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_point pt_206[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_205, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad", NULL, NULL, 0, 11, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_207[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_208[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_207, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_209[] = {
    {"curve", pt_208, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_142 = {"hfrtc", pt_206, 12, gr_209, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_210[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_symbol sy_211[] = {
    {"CEASE_TO_ENERGIZE", 1U},
};
static const struct pvs_ss_point pt_212[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_210, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CrvType", NULL, sy_211, 1, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_213[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_214[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_213, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_215[] = {
    {"curve", pt_214, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_143 = {"lfrtx", pt_212, 12, gr_215, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_216[] = {
    {"ENABLED", 0U},
};
static const struct pvs_ss_symbol sy_217[] = {
    {"CEASE_TO_ENERGIZE", 1U},
};
static const struct pvs_ss_point pt_218[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ActCrv", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModEna", NULL, sy_216, 1, 3, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WinTms", "Secs", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RmpTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CrvType", NULL, sy_217, 1, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_219[] = {
    {"READWRITE", 0U},
    {"READONLY", 1U},
};
static const struct pvs_ss_point pt_220[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tms1", "Secs", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz1", "Hz", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms2", "Secs", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz2", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms3", "Secs", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz3", "Hz", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms4", "Secs", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz4", "Hz", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms5", "Secs", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz5", "Hz", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms6", "Secs", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz6", "Hz", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms7", "Secs", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz7", "Hz", NULL, 0, 14, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms8", "Secs", NULL, 0, 15, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz8", "Hz", NULL, 0, 16, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms9", "Secs", NULL, 0, 17, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz9", "Hz", NULL, 0, 18, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms10", "Secs", NULL, 0, 19, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz10", "Hz", NULL, 0, 20, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms11", "Secs", NULL, 0, 21, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz11", "Hz", NULL, 0, 22, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms12", "Secs", NULL, 0, 23, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz12", "Hz", NULL, 0, 24, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms13", "Secs", NULL, 0, 25, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz13", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms14", "Secs", NULL, 0, 27, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz14", "Hz", NULL, 0, 28, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms15", "Secs", NULL, 0, 29, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz15", "Hz", NULL, 0, 30, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms16", "Secs", NULL, 0, 31, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz16", "Hz", NULL, 0, 32, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms17", "Secs", NULL, 0, 33, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz17", "Hz", NULL, 0, 34, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms18", "Secs", NULL, 0, 35, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz18", "Hz", NULL, 0, 36, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms19", "Secs", NULL, 0, 37, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz19", "Hz", NULL, 0, 38, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"Tms20", "Secs", NULL, 0, 39, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"Hz20", "Hz", NULL, 0, 40, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"CrvNam", NULL, NULL, 0, 41, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_219, 2, 49, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_221[] = {
    {"curve", pt_220, 43, NULL, 0, 50, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_144 = {"hfrtx", pt_218, 12, gr_221, 1, 12, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_222[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NomRmpUpRte", "Pct", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"NomRmpDnRte", "Pct", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"EmgRmpUpRte", "Pct", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"EmgRmpDnRte", "Pct", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"ConnRmpUpRte", "Pct", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"ConnRmpDnRte", "Pct", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"AGra", "Pct", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 9, 0, 0},
    {"Rmp_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_145 = {"ext_settings", pt_222, 10, NULL, 0, 10, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_223[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"RESERVED_2", 2U},
    {"DC_DISCONNECT", 3U},
    {"RESERVED_4", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"RESERVED_8", 8U},
    {"RESERVED_9", 9U},
    {"RESERVED_10", 10U},
    {"RESERVED_11", 11U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"RESERVED_16", 16U},
    {"RESERVED_17", 17U},
    {"RESERVED_18", 18U},
    {"RESERVED_19", 19U},
    {"TEST_FAILED", 20U},
    {"INPUT_UNDER_VOLTAGE", 21U},
    {"INPUT_OVER_CURRENT", 22U},
};
static const struct pvs_ss_point pt_224[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCWH_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_223, 23, 6, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 8, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"TmsPer", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_225[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
    {"TEST", 9U},
    {"RESERVED_10", 10U},
};
static const struct pvs_ss_symbol sy_226[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"RESERVED_2", 2U},
    {"DC_DISCONNECT", 3U},
    {"RESERVED_4", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"RESERVED_8", 8U},
    {"RESERVED_9", 9U},
    {"RESERVED_10", 10U},
    {"RESERVED_11", 11U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"RESERVED_16", 16U},
    {"RESERVED_17", 17U},
    {"RESERVED_18", 18U},
    {"RESERVED_19", 19U},
    {"TEST_FAILED", 20U},
    {"INPUT_UNDER_VOLTAGE", 21U},
    {"INPUT_OVER_CURRENT", 22U},
};
static const struct pvs_ss_point pt_227[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"IDStr", NULL, NULL, 0, 1, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 2, 0, 0},
    {"DCV", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 1, 3, 0, 0},
    {"DCW", "W", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 4, 0, 0},
    {"DCWH", "Wh", NULL, 0, 12, 2, PVS_SS_ACC32, 1, 5, 0, 0},
    {"Tms", "Secs", NULL, 0, 14, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Tmp", "C", NULL, 0, 16, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"DCSt", NULL, sy_225, 10, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"DCEvt", NULL, sy_226, 23, 18, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_228[] = {
    {"module", pt_227, 10, NULL, 0, 20, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_160 = {"mppt", pt_224, 9, gr_228, 1, 10, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_229[] = {
    {"Power_Failure", 2U},
    {"Under_Voltage", 3U},
    {"Low_PF", 4U},
    {"Over_Current", 5U},
    {"Over_Voltage", 6U},
    {"Missing_Sensor", 7U},
    {"OEM01", 16U},
    {"OEM02", 17U},
    {"OEM03", 18U},
    {"OEM04", 19U},
    {"OEM05", 20U},
    {"OEM06", 21U},
    {"OEM07", 22U},
    {"OEM08", 23U},
    {"OEM09", 24U},
    {"OEM10", 25U},
    {"OEM11", 26U},
    {"OEM12", 27U},
    {"OEM13", 28U},
    {"OEM14", 29U},
    {"OEM15", 30U},
};
static const struct pvs_ss_point pt_230[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 7, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphA", "V", NULL, 0, 8, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphB", "V", NULL, 0, 9, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphC", "V", NULL, 0, 10, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPV", "V", NULL, 0, 11, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPVphAB", "V", NULL, 0, 12, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPVphBC", "V", NULL, 0, 13, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPVphCA", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"V_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_INT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphA", "W", NULL, 0, 19, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphB", "W", NULL, 0, 20, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphC", "W", NULL, 0, 21, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"W_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 23, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphA", "VA", NULL, 0, 24, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphB", "VA", NULL, 0, 25, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphC", "VA", NULL, 0, 26, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VA_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 28, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphA", "var", NULL, 0, 29, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphB", "var", NULL, 0, 30, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphC", "var", NULL, 0, 31, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VAR_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 33, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphA", "Pct", NULL, 0, 34, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphB", "Pct", NULL, 0, 35, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphC", "Pct", NULL, 0, 36, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PF_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 38, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 40, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 42, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 44, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 46, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 48, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 50, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 52, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 55, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 57, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 59, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 61, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 63, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 65, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 67, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 69, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAh_SF", NULL, NULL, 0, 71, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 72, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhA", "varh", NULL, 0, 74, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhB", "varh", NULL, 0, 76, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhC", "varh", NULL, 0, 78, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 80, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhA", "varh", NULL, 0, 82, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhB", "varh", NULL, 0, 84, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhC", "varh", NULL, 0, 86, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 88, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhA", "varh", NULL, 0, 90, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhB", "varh", NULL, 0, 92, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhC", "varh", NULL, 0, 94, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 96, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhA", "varh", NULL, 0, 98, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhB", "varh", NULL, 0, 100, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhC", "varh", NULL, 0, 102, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArh_SF", NULL, NULL, 0, 104, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_229, 21, 105, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_201 = {"ac_meter_an_or_ab", pt_230, 74, NULL, 0, 107, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_231[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_232[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 7, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphA", "V", NULL, 0, 8, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphB", "V", NULL, 0, 9, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphC", "V", NULL, 0, 10, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPV", "V", NULL, 0, 11, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphAB", "V", NULL, 0, 12, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphBC", "V", NULL, 0, 13, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphCA", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"V_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_INT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphA", "W", NULL, 0, 19, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphB", "W", NULL, 0, 20, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphC", "W", NULL, 0, 21, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"W_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 23, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphA", "VA", NULL, 0, 24, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphB", "VA", NULL, 0, 25, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphC", "VA", NULL, 0, 26, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VA_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 28, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphA", "var", NULL, 0, 29, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphB", "var", NULL, 0, 30, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphC", "var", NULL, 0, 31, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VAR_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 33, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphA", "Pct", NULL, 0, 34, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphB", "Pct", NULL, 0, 35, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphC", "Pct", NULL, 0, 36, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PF_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 38, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 40, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 42, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 44, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 46, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 48, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 50, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 52, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 55, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 57, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 59, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 61, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 63, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 65, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 67, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 69, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAh_SF", NULL, NULL, 0, 71, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 72, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhA", "varh", NULL, 0, 74, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhB", "varh", NULL, 0, 76, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhC", "varh", NULL, 0, 78, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 80, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhA", "varh", NULL, 0, 82, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhB", "varh", NULL, 0, 84, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhC", "varh", NULL, 0, 86, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 88, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhA", "varh", NULL, 0, 90, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhB", "varh", NULL, 0, 92, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhC", "varh", NULL, 0, 94, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 96, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhA", "varh", NULL, 0, 98, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhB", "varh", NULL, 0, 100, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhC", "varh", NULL, 0, 102, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArh_SF", NULL, NULL, 0, 104, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_231, 29, 105, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_202 = {"ac_meter_abn", pt_232, 74, NULL, 0, 107, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_233[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_234[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 7, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphA", "V", NULL, 0, 8, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphB", "V", NULL, 0, 9, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphC", "V", NULL, 0, 10, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPV", "V", NULL, 0, 11, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphAB", "V", NULL, 0, 12, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphBC", "V", NULL, 0, 13, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphCA", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"V_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_INT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphA", "W", NULL, 0, 19, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphB", "W", NULL, 0, 20, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphC", "W", NULL, 0, 21, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"W_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 23, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphA", "VA", NULL, 0, 24, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphB", "VA", NULL, 0, 25, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphC", "VA", NULL, 0, 26, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VA_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 28, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphA", "var", NULL, 0, 29, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphB", "var", NULL, 0, 30, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphC", "var", NULL, 0, 31, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VAR_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 33, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphA", "Pct", NULL, 0, 34, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphB", "Pct", NULL, 0, 35, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphC", "Pct", NULL, 0, 36, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PF_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 38, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 40, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 42, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 44, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 46, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 48, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 50, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 52, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 55, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 57, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 59, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 61, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 63, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 65, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 67, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 69, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAh_SF", NULL, NULL, 0, 71, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 72, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhA", "varh", NULL, 0, 74, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhB", "varh", NULL, 0, 76, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhC", "varh", NULL, 0, 78, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 80, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhA", "varh", NULL, 0, 82, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhB", "varh", NULL, 0, 84, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhC", "varh", NULL, 0, 86, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 88, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhA", "varh", NULL, 0, 90, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhB", "varh", NULL, 0, 92, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhC", "varh", NULL, 0, 94, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 96, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhA", "varh", NULL, 0, 98, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhB", "varh", NULL, 0, 100, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhC", "varh", NULL, 0, 102, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArh_SF", NULL, NULL, 0, 104, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_233, 29, 105, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_203 = {"ac_meter_abcn", pt_234, 74, NULL, 0, 107, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_235[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_236[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphA", "A", NULL, 0, 3, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphB", "A", NULL, 0, 4, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"AphC", "A", NULL, 0, 5, 1, PVS_SS_INT16, 0, 6, 0, 0},
    {"A_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 7, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphA", "V", NULL, 0, 8, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphB", "V", NULL, 0, 9, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphC", "V", NULL, 0, 10, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PPV", "V", NULL, 0, 11, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphAB", "V", NULL, 0, 12, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphBC", "V", NULL, 0, 13, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PhVphCA", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"V_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 16, 1, PVS_SS_INT16, 0, 17, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphA", "W", NULL, 0, 19, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphB", "W", NULL, 0, 20, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"WphC", "W", NULL, 0, 21, 1, PVS_SS_INT16, 0, 22, 0, 0},
    {"W_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 23, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphA", "VA", NULL, 0, 24, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphB", "VA", NULL, 0, 25, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VAphC", "VA", NULL, 0, 26, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"VA_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 28, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphA", "var", NULL, 0, 29, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphB", "var", NULL, 0, 30, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VARphC", "var", NULL, 0, 31, 1, PVS_SS_INT16, 0, 32, 0, 0},
    {"VAR_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 33, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphA", "Pct", NULL, 0, 34, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphB", "Pct", NULL, 0, 35, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PFphC", "Pct", NULL, 0, 36, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"PF_SF", NULL, NULL, 0, 37, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 38, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 40, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 42, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 44, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 46, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 48, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 50, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 52, 2, PVS_SS_ACC32, 0, 46, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 55, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 57, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 59, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 61, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 63, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 65, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 67, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 69, 2, PVS_SS_ACC32, 0, 55, 0, 0},
    {"TotVAh_SF", NULL, NULL, 0, 71, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 72, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhA", "varh", NULL, 0, 74, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhB", "varh", NULL, 0, 76, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ1PhC", "varh", NULL, 0, 78, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 80, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhA", "varh", NULL, 0, 82, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhB", "varh", NULL, 0, 84, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhImpQ2PhC", "varh", NULL, 0, 86, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 88, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhA", "varh", NULL, 0, 90, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhB", "varh", NULL, 0, 92, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ3PhC", "varh", NULL, 0, 94, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 96, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhA", "varh", NULL, 0, 98, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhB", "varh", NULL, 0, 100, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArhExpQ4PhC", "varh", NULL, 0, 102, 2, PVS_SS_ACC32, 0, 72, 0, 0},
    {"TotVArh_SF", NULL, NULL, 0, 104, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_235, 29, 105, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_204 = {"ac_meter_abc", pt_236, 74, NULL, 0, 107, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_237[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_238[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPV", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphA", "W", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphB", "W", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphC", "W", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphA", "VA", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphB", "VA", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphC", "VA", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphA", "var", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphB", "var", NULL, 0, 48, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphC", "var", NULL, 0, 50, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "PF", NULL, 0, 52, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphA", "PF", NULL, 0, 54, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphB", "PF", NULL, 0, 56, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphC", "PF", NULL, 0, 58, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 60, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 62, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 64, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 66, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 68, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 70, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 72, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 74, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 76, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 78, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 80, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 82, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 84, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 86, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 88, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 90, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 92, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phA", "varh", NULL, 0, 94, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phB", "varh", NULL, 0, 96, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phC", "varh", NULL, 0, 98, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 100, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phA", "varh", NULL, 0, 102, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phB", "varh", NULL, 0, 104, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phC", "varh", NULL, 0, 106, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 108, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phA", "varh", NULL, 0, 110, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phB", "varh", NULL, 0, 112, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phC", "varh", NULL, 0, 114, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 116, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phA", "varh", NULL, 0, 118, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phB", "varh", NULL, 0, 120, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phC", "varh", NULL, 0, 122, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Evt", NULL, sy_237, 29, 124, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_211 = {"ac_meter_an_or_ab_float", pt_238, 64, NULL, 0, 126, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_239[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_240[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPV", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphA", "W", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphB", "W", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphC", "W", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphA", "VA", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphB", "VA", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphC", "VA", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphA", "var", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphB", "var", NULL, 0, 48, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphC", "var", NULL, 0, 50, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "PF", NULL, 0, 52, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphA", "PF", NULL, 0, 54, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphB", "PF", NULL, 0, 56, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphC", "PF", NULL, 0, 58, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 60, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 62, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 64, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 66, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 68, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 70, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 72, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 74, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 76, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 78, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 80, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 82, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 84, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 86, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 88, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 90, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 92, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phA", "varh", NULL, 0, 94, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phB", "varh", NULL, 0, 96, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phC", "varh", NULL, 0, 98, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 100, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phA", "varh", NULL, 0, 102, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phB", "varh", NULL, 0, 104, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phC", "varh", NULL, 0, 106, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 108, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phA", "varh", NULL, 0, 110, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phB", "varh", NULL, 0, 112, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phC", "varh", NULL, 0, 114, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 116, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phA", "varh", NULL, 0, 118, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phB", "varh", NULL, 0, 120, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phC", "varh", NULL, 0, 122, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Evt", NULL, sy_239, 29, 124, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_212 = {"ac_meter_abn_float", pt_240, 64, NULL, 0, 126, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_241[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_242[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPV", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphA", "W", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphB", "W", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphC", "W", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphA", "VA", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphB", "VA", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphC", "VA", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphA", "var", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphB", "var", NULL, 0, 48, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphC", "var", NULL, 0, 50, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "PF", NULL, 0, 52, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphA", "PF", NULL, 0, 54, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphB", "PF", NULL, 0, 56, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphC", "PF", NULL, 0, 58, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 60, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 62, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 64, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 66, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 68, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 70, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 72, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 74, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 76, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 78, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 80, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 82, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 84, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 86, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 88, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 90, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 92, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phA", "varh", NULL, 0, 94, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phB", "varh", NULL, 0, 96, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phC", "varh", NULL, 0, 98, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 100, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phA", "varh", NULL, 0, 102, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phB", "varh", NULL, 0, 104, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phC", "varh", NULL, 0, 106, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 108, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phA", "varh", NULL, 0, 110, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phB", "varh", NULL, 0, 112, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phC", "varh", NULL, 0, 114, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 116, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phA", "varh", NULL, 0, 118, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phB", "varh", NULL, 0, 120, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phC", "varh", NULL, 0, 122, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Evt", NULL, sy_241, 29, 124, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_213 = {"ac_meter_abcn_float", pt_242, 64, NULL, 0, 126, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_243[] = {
    {"M_EVENT_Power_Failure", 2U},
    {"M_EVENT_Under_Voltage", 3U},
    {"M_EVENT_Low_PF", 4U},
    {"M_EVENT_Over_Current", 5U},
    {"M_EVENT_Over_Voltage", 6U},
    {"M_EVENT_Missing_Sensor", 7U},
    {"M_EVENT_Reserved1", 8U},
    {"M_EVENT_Reserved2", 9U},
    {"M_EVENT_Reserved3", 10U},
    {"M_EVENT_Reserved4", 11U},
    {"M_EVENT_Reserved5", 12U},
    {"M_EVENT_Reserved6", 13U},
    {"M_EVENT_Reserved7", 14U},
    {"M_EVENT_Reserved8", 15U},
    {"M_EVENT_OEM01", 16U},
    {"M_EVENT_OEM02", 17U},
    {"M_EVENT_OEM03", 18U},
    {"M_EVENT_OEM04", 19U},
    {"M_EVENT_OEM05", 20U},
    {"M_EVENT_OEM06", 21U},
    {"M_EVENT_OEM07", 22U},
    {"M_EVENT_OEM08", 23U},
    {"M_EVENT_OEM09", 24U},
    {"M_EVENT_OEM10", 25U},
    {"M_EVENT_OEM11", 26U},
    {"M_EVENT_OEM12", 27U},
    {"M_EVENT_OEM13", 28U},
    {"M_EVENT_OEM14", 29U},
    {"M_EVENT_OEM15", 30U},
};
static const struct pvs_ss_point pt_244[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphA", "A", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphB", "A", NULL, 0, 6, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"AphC", "A", NULL, 0, 8, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 10, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphA", "V", NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphB", "V", NULL, 0, 14, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PhVphC", "V", NULL, 0, 16, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPV", "V", NULL, 0, 18, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphAB", "V", NULL, 0, 20, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphBC", "V", NULL, 0, 22, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PPVphCA", "V", NULL, 0, 24, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 26, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 28, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphA", "W", NULL, 0, 30, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphB", "W", NULL, 0, 32, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"WphC", "W", NULL, 0, 34, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 36, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphA", "VA", NULL, 0, 38, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphB", "VA", NULL, 0, 40, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAphC", "VA", NULL, 0, 42, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 44, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphA", "var", NULL, 0, 46, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphB", "var", NULL, 0, 48, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"VARphC", "var", NULL, 0, 50, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PF", "PF", NULL, 0, 52, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphA", "PF", NULL, 0, 54, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphB", "PF", NULL, 0, 56, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"PFphC", "PF", NULL, 0, 58, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 60, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhA", "Wh", NULL, 0, 62, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhB", "Wh", NULL, 0, 64, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhExpPhC", "Wh", NULL, 0, 66, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 68, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhA", "Wh", NULL, 0, 70, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhB", "Wh", NULL, 0, 72, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotWhImpPhC", "Wh", NULL, 0, 74, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 76, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhA", "VAh", NULL, 0, 78, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhB", "VAh", NULL, 0, 80, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhExpPhC", "VAh", NULL, 0, 82, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 84, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhA", "VAh", NULL, 0, 86, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhB", "VAh", NULL, 0, 88, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVAhImpPhC", "VAh", NULL, 0, 90, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 92, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phA", "varh", NULL, 0, 94, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phB", "varh", NULL, 0, 96, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ1phC", "varh", NULL, 0, 98, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 100, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phA", "varh", NULL, 0, 102, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phB", "varh", NULL, 0, 104, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhImpQ2phC", "varh", NULL, 0, 106, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 108, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phA", "varh", NULL, 0, 110, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phB", "varh", NULL, 0, 112, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ3phC", "varh", NULL, 0, 114, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 116, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phA", "varh", NULL, 0, 118, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phB", "varh", NULL, 0, 120, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"TotVArhExpQ4phC", "varh", NULL, 0, 122, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Evt", NULL, sy_243, 29, 124, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_214 = {"ac_meter_abc_float", pt_244, 64, NULL, 0, 126, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_245[] = {
    {"Power_Failure", 2U},
    {"Under_Voltage", 3U},
    {"Low_PF", 4U},
    {"Over_Current", 5U},
    {"Over_Voltage", 6U},
    {"Missing_Sensor", 7U},
    {"OEM01", 16U},
    {"OEM02", 17U},
    {"OEM03", 18U},
    {"OEM04", 19U},
    {"OEM05", 20U},
    {"OEM06", 21U},
    {"OEM07", 22U},
    {"OEM08", 23U},
    {"OEM09", 24U},
    {"OEM10", 25U},
    {"OEM11", 26U},
    {"OEM12", 27U},
    {"OEM13", 28U},
    {"OEM14", 29U},
    {"OEM15", 30U},
};
static const struct pvs_ss_symbol sy_246[] = {
    {"NONE", 0U},
    {"AES-GMAC-64", 1U},
    {"ECC-256", 2U},
};
static const struct pvs_ss_point pt_247[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "A", NULL, 0, 2, 1, PVS_SS_INT16, 0, 3, 0, 0},
    {"A_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PhV", "V", NULL, 0, 4, 1, PVS_SS_INT16, 0, 5, 0, 0},
    {"V_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz", "Hz", NULL, 0, 6, 1, PVS_SS_INT16, 0, 7, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 8, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"W_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA", "VA", NULL, 0, 10, 1, PVS_SS_INT16, 0, 11, 0, 0},
    {"VA_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VAR", "var", NULL, 0, 12, 1, PVS_SS_INT16, 0, 13, 0, 0},
    {"VAR_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF", "Pct", NULL, 0, 14, 1, PVS_SS_INT16, 0, 15, 0, 0},
    {"PF_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWhExp", "Wh", NULL, 0, 16, 2, PVS_SS_ACC32, 0, 18, 0, 0},
    {"TotWhImp", "Wh", NULL, 0, 18, 2, PVS_SS_ACC32, 0, 18, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 20, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVAhExp", "VAh", NULL, 0, 21, 2, PVS_SS_ACC32, 0, 21, 0, 0},
    {"TotVAhImp", "VAh", NULL, 0, 23, 2, PVS_SS_ACC32, 0, 21, 0, 0},
    {"TotVAh_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVArhImpQ1", "varh", NULL, 0, 26, 2, PVS_SS_ACC32, 0, 26, 0, 0},
    {"TotVArhImpQ2", "varh", NULL, 0, 28, 2, PVS_SS_ACC32, 0, 26, 0, 0},
    {"TotVArhExpQ3", "varh", NULL, 0, 30, 2, PVS_SS_ACC32, 0, 26, 0, 0},
    {"TotVArhExpQ4", "varh", NULL, 0, 32, 2, PVS_SS_ACC32, 0, 26, 0, 0},
    {"TotVArh_SF", NULL, NULL, 0, 34, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Evt", NULL, sy_245, 21, 35, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Rsrvd", NULL, NULL, 0, 37, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Ts", NULL, NULL, 0, 38, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Ms", NULL, NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Seq", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Alg", NULL, sy_246, 3, 42, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_248[] = {
    {"DS", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_249[] = {
    {"repeating", pt_248, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_220 = {"ac_meter_secure", pt_247, 34, gr_249, 1, 44, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_250[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_251[] = {
    {"GHI", "W/m2", NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"POAI", "W/m2", NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DFI", "W/m2", NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DNI", "W/m2", NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OTI", "W/m2", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_252[] = {
    {"repeating", pt_251, 5, NULL, 0, 5, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_302 = {"irradiance", pt_250, 2, gr_252, 1, 2, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_253[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_254[] = {
    {"TmpBOM", "C", NULL, 0, 0, 1, PVS_SS_INT16, -1, 0, -1, 1},
};
static const struct pvs_ss_group gr_255[] = {
    {"temp", pt_254, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_303 = {"bom_temp", pt_253, 2, gr_255, 1, 2, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_256[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_257[] = {
    {"Inclx", "Degrees", NULL, 0, 0, 2, PVS_SS_INT32, -1, 0, -2, 1},
    {"Incly", "Degrees", NULL, 0, 2, 2, PVS_SS_INT32, -1, 0, -2, 1},
    {"Inclz", "Degrees", NULL, 0, 4, 2, PVS_SS_INT32, -1, 0, -2, 1},
};
static const struct pvs_ss_group gr_258[] = {
    {"incl", pt_257, 3, NULL, 0, 6, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_304 = {"inclinometer", pt_256, 2, gr_258, 1, 2, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_259[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tm", "hhmmss.sssZ", NULL, 0, 2, 6, PVS_SS_STRING, -1, 0, 0, 0},
    {"Date", "YYYYMMDD", NULL, 0, 8, 4, PVS_SS_STRING, -1, 0, 0, 0},
    {"Loc", "text", NULL, 0, 12, 20, PVS_SS_STRING, -1, 0, 0, 0},
    {"Lat", "Degrees", NULL, 0, 32, 2, PVS_SS_INT32, -1, 0, -7, 1},
    {"Long", "Degrees", NULL, 0, 34, 2, PVS_SS_INT32, -1, 0, -7, 1},
    {"Alt", "meters", NULL, 0, 36, 2, PVS_SS_INT32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_305 = {"location", pt_259, 8, NULL, 0, 38, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_260[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"GHI", "W/m2", NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A", "W/m2", NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V", "W/m2", NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Tmp", "W/m2", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_306 = {"ref_point", pt_260, 6, NULL, 0, 6, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_261[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"TmpAmb", "C", NULL, 0, 2, 1, PVS_SS_INT16, -1, 0, -1, 1},
    {"RH", "Pct", NULL, 0, 3, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Pres", "HPa", NULL, 0, 4, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"WndSpd", "mps", NULL, 0, 5, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"WndDir", "deg", NULL, 0, 6, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Rain", "mm", NULL, 0, 7, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Snw", "mm", NULL, 0, 8, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"PPT", NULL, NULL, 0, 9, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"ElecFld", "Vm", NULL, 0, 10, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"SurWet", "kO", NULL, 0, 11, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"SoilWet", "Pct", NULL, 0, 12, 1, PVS_SS_INT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_307 = {"base_met", pt_261, 13, NULL, 0, 13, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_262[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"GHI", "W/m2", NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"TmpBOM", "C", NULL, 0, 3, 1, PVS_SS_INT16, -1, 0, -1, 1},
    {"TmpAmb", "C", NULL, 0, 4, 1, PVS_SS_INT16, -1, 0, -1, 1},
    {"WndSpd", "m/s", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_308 = {"mini_met", pt_262, 6, NULL, 0, 6, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_263[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_264[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAhr_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAMax", "A", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 2, 0, 0},
    {"N", NULL, NULL, 0, 6, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"Evt", NULL, sy_263, 19, 7, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 9, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 11, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"DCAhr", "Ah", NULL, 0, 12, 2, PVS_SS_UINT32, 0, 3, 0, 0},
    {"DCV", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"Tmp", "C", NULL, 0, 15, 1, PVS_SS_INT16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_265[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_266[] = {
    {"InID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InEvt", NULL, sy_265, 19, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InEvtVnd", NULL, NULL, 0, 3, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InDCA", "A", NULL, 0, 5, 1, PVS_SS_INT16, 1, 2, 0, 0},
    {"InDCAhr", "Ah", NULL, 0, 6, 2, PVS_SS_UINT32, 1, 3, 0, 0},
};
static const struct pvs_ss_group gr_267[] = {
    {"string", pt_266, 5, NULL, 0, 8, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_401 = {"string_combiner_current", pt_264, 13, gr_267, 1, 16, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_268[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_269[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAhr_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCWh_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAMax", "A", NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 8, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"Evt", NULL, sy_268, 19, 9, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 11, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 13, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"DCAhr", "Ah", NULL, 0, 14, 2, PVS_SS_UINT32, 0, 3, 0, 0},
    {"DCV", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"Tmp", "C", NULL, 0, 17, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 5, 0, 0},
    {"DCPR", "Pct", NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCWh", "Wh", NULL, 0, 20, 2, PVS_SS_UINT32, 0, 6, 0, 0},
};
static const struct pvs_ss_symbol sy_270[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_271[] = {
    {"InID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InEvt", NULL, sy_270, 19, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 3, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InDCA", "A", NULL, 0, 5, 1, PVS_SS_INT16, 1, 2, 0, 0},
    {"InDCAhr", "Ah", NULL, 0, 6, 2, PVS_SS_UINT32, 1, 3, 0, 0},
    {"InDCV", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 1, 4, 0, 0},
    {"InDCW", "W", NULL, 0, 9, 1, PVS_SS_INT16, 1, 6, 0, 0},
    {"InDCWh", "Wh", NULL, 0, 10, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"InDCPR", "Pct", NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InN", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_272[] = {
    {"string", pt_271, 10, NULL, 0, 14, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_402 = {"string_combiner_advanced", pt_269, 18, gr_272, 1, 22, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_273[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_274[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAhr_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAMax", "A", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 2, 0, 0},
    {"N", NULL, NULL, 0, 6, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"Evt", NULL, sy_273, 19, 7, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 9, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 11, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"DCAhr", "Ah", NULL, 0, 12, 2, PVS_SS_ACC32, 0, 3, 0, 0},
    {"DCV", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 4, 0, 0},
    {"Tmp", "C", NULL, 0, 15, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"InDCA_SF", NULL, NULL, 0, 16, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InDCAhr_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_275[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_276[] = {
    {"InID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InEvt", NULL, sy_275, 19, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InEvtVnd", NULL, NULL, 0, 3, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InDCA", "A", NULL, 0, 5, 1, PVS_SS_INT16, 1, 13, 0, 0},
    {"InDCAhr", "Ah", NULL, 0, 6, 2, PVS_SS_ACC32, 1, 14, 0, 0},
};
static const struct pvs_ss_group gr_277[] = {
    {"string", pt_276, 5, NULL, 0, 8, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_403 = {"string_combiner_current_input", pt_274, 15, gr_277, 1, 18, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_278[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_279[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAhr_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCWh_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCAMax", "A", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 2, 0, 0},
    {"N", NULL, NULL, 0, 8, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"Evt", NULL, sy_278, 19, 9, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd", NULL, NULL, 0, 11, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 13, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"DCAhr", "Ah", NULL, 0, 14, 2, PVS_SS_ACC32, 0, 3, 0, 0},
    {"DCV", "V", NULL, 0, 16, 1, PVS_SS_INT16, 0, 4, 0, 0},
    {"Tmp", "C", NULL, 0, 17, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"DCW", "W", NULL, 0, 18, 1, PVS_SS_INT16, 0, 5, 0, 0},
    {"DCPR", "Pct", NULL, 0, 19, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"DCWh", "Wh", NULL, 0, 20, 2, PVS_SS_ACC32, 0, 6, 0, 0},
    {"InDCA_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InDCAhr_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InDCV_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InDCW_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"InDCWh_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_280[] = {
    {"LOW_VOLTAGE", 0U},
    {"LOW_POWER", 1U},
    {"LOW_EFFICIENCY", 2U},
    {"CURRENT", 3U},
    {"VOLTAGE", 4U},
    {"POWER", 5U},
    {"PR", 6U},
    {"DISCONNECTED", 7U},
    {"FUSE_FAULT", 8U},
    {"COMBINER_FUSE_FAULT", 9U},
    {"COMBINER_CABINET_OPEN", 10U},
    {"TEMP", 11U},
    {"GROUNDFAULT", 12U},
    {"REVERSED_POLARITY", 13U},
    {"INCOMPATIBLE", 14U},
    {"COMM_ERROR", 15U},
    {"INTERNAL_ERROR", 16U},
    {"THEFT", 17U},
    {"ARC_DETECTED", 18U},
};
static const struct pvs_ss_point pt_281[] = {
    {"InID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InEvt", NULL, sy_280, 19, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InEvtVnd", NULL, NULL, 0, 3, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"InDCA", "A", NULL, 0, 5, 1, PVS_SS_INT16, 1, 18, 0, 0},
    {"InDCAhr", "Ah", NULL, 0, 6, 2, PVS_SS_ACC32, 1, 19, 0, 0},
    {"InDCV", "V", NULL, 0, 8, 1, PVS_SS_INT16, 1, 20, 0, 0},
    {"InDCW", "W", NULL, 0, 9, 1, PVS_SS_INT16, 1, 21, 0, 0},
    {"InDCWh", "Wh", NULL, 0, 10, 2, PVS_SS_ACC32, 1, 22, 0, 0},
    {"InDCPR", "Pct", NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"InN", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_282[] = {
    {"string", pt_281, 10, NULL, 0, 14, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_404 = {"string_combiner_advanced_inputs", pt_279, 23, gr_282, 1, 27, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_283[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
    {"TEST", 9U},
    {"OTHER", 10U},
};
static const struct pvs_ss_symbol sy_284[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"RESERVED_2", 2U},
    {"DC_DISCONNECT", 3U},
    {"RESERVED_4", 4U},
    {"RESERVED_5", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMPERATURE", 7U},
    {"RESERVED_8", 8U},
    {"RESERVED_9", 9U},
    {"RESERVED_10", 10U},
    {"RESERVED_11", 11U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMPERATURE", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"THEFT_DETECTION", 16U},
    {"OUTPUT_OVER_CURRENT", 17U},
    {"OUTPUT_OVER_VOLTAGE", 18U},
    {"OUTPUT_UNDER_VOLTAGE", 19U},
    {"TEST_FAILED", 20U},
};
static const struct pvs_ss_point pt_285[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Stat", NULL, sy_283, 10, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StatVend", NULL, NULL, 0, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt", NULL, sy_284, 21, 4, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVend", NULL, NULL, 0, 6, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Ctl", NULL, NULL, 0, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CtlVend", NULL, NULL, 0, 9, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
    {"CtlVal", NULL, NULL, 0, 11, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"Tms", "Secs", NULL, 0, 13, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"OutA", "A", NULL, 0, 15, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"OutV", "V", NULL, 0, 17, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"OutWh", "Wh", NULL, 0, 19, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"OutW", "W", NULL, 0, 21, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"Tmp", "C", NULL, 0, 23, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"InA", "A", NULL, 0, 25, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"InV", "V", NULL, 0, 27, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"InWh", "Wh", NULL, 0, 29, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"InW", "W", NULL, 0, 31, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_501 = {"solar_module_float", pt_285, 19, NULL, 0, 33, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_286[] = {
    {"OFF", 1U},
    {"SLEEPING", 2U},
    {"STARTING", 3U},
    {"MPPT", 4U},
    {"THROTTLED", 5U},
    {"SHUTTING_DOWN", 6U},
    {"FAULT", 7U},
    {"STANDBY", 8U},
    {"TEST", 9U},
    {"OTHER", 10U},
};
static const struct pvs_ss_symbol sy_287[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"RESERVED_2", 2U},
    {"DC_DISCONNECT", 3U},
    {"RESERVED_4", 4U},
    {"RESERVED_5", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMPERATURE", 7U},
    {"RESERVED_8", 8U},
    {"RESERVED_9", 9U},
    {"RESERVED_10", 10U},
    {"RESERVED_11", 11U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMPERATURE", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"THEFT_DETECTION", 16U},
    {"OUTPUT_OVER_CURRENT", 17U},
    {"OUTPUT_OVER_VOLTAGE", 18U},
    {"OUTPUT_UNDER_VOLTAGE", 19U},
    {"TEST_FAILED", 20U},
};
static const struct pvs_ss_point pt_288[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Wh_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Stat", NULL, sy_286, 10, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StatVend", NULL, NULL, 0, 7, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Evt", NULL, sy_287, 21, 8, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVend", NULL, NULL, 0, 10, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Ctl", NULL, NULL, 0, 12, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CtlVend", NULL, NULL, 0, 13, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
    {"CtlVal", NULL, NULL, 0, 15, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"Tms", "Secs", NULL, 0, 17, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"OutA", "A", NULL, 0, 19, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"OutV", "V", NULL, 0, 20, 1, PVS_SS_INT16, 0, 3, 0, 0},
    {"OutWh", "Wh", NULL, 0, 21, 2, PVS_SS_ACC32, 0, 5, 0, 0},
    {"OutPw", "W", NULL, 0, 23, 1, PVS_SS_INT16, 0, 4, 0, 0},
    {"Tmp", "C", NULL, 0, 24, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"InA", "A", NULL, 0, 25, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"InV", "V", NULL, 0, 26, 1, PVS_SS_INT16, 0, 3, 0, 0},
    {"InWh", "Wh", NULL, 0, 27, 2, PVS_SS_ACC32, 0, 5, 0, 0},
    {"InW", "W", NULL, 0, 29, 1, PVS_SS_INT16, 0, 4, 0, 0},
};
static const struct pvs_ss_group model_502 = {"solar_module", pt_288, 23, NULL, 0, 30, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_289[] = {
    {"Unknown", 0U},
    {"Fixed", 1U},
    {"Horizontal", 2U},
    {"Tilted", 3U},
    {"Azimuth", 4U},
    {"Dual", 5U},
    {"Other", 99U},
};
static const struct pvs_ss_symbol sy_290[] = {
    {"Automatic", 0U},
    {"Manual", 1U},
    {"Calibrate", 2U},
};
static const struct pvs_ss_symbol sy_291[] = {
    {"SetPoint", 0U},
    {"ObsEl", 1U},
    {"ObsAz", 2U},
};
static const struct pvs_ss_point pt_292[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Nam", NULL, NULL, 0, 2, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"Typ", NULL, sy_289, 7, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"DtLoc", "YYYYMMDD", NULL, 0, 11, 5, PVS_SS_STRING, -1, 0, 0, 0},
    {"TmLoc", "hhmmss", NULL, 0, 16, 3, PVS_SS_STRING, -1, 0, 0, 0},
    {"Day", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"GlblElCtl", "Degrees", NULL, 0, 20, 2, PVS_SS_INT32, 0, 11, 0, 0},
    {"GlblAzCtl", "Degrees", NULL, 0, 22, 2, PVS_SS_INT32, 0, 11, 0, 0},
    {"GlblCtl", NULL, sy_290, 3, 24, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"GlblAlm", NULL, sy_291, 3, 25, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Dgr_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"N", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_293[] = {
    {"Automatic", 0U},
    {"Manual", 1U},
    {"Calibrate", 2U},
};
static const struct pvs_ss_symbol sy_294[] = {
    {"SetPoint", 0U},
    {"ObsEl", 1U},
    {"ObsAz", 2U},
};
static const struct pvs_ss_point pt_295[] = {
    {"Id", NULL, NULL, 0, 0, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"ElTrgt", "Degrees", NULL, 0, 8, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"AzTrgt", "Degrees", NULL, 0, 10, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"ElPos", "Degrees", NULL, 0, 12, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"AzPos", "Degrees", NULL, 0, 14, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"ElCtl", "Degrees", NULL, 0, 16, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"AzCtl", "Degrees", NULL, 0, 18, 2, PVS_SS_INT32, 1, 11, 0, 0},
    {"Ctl", NULL, sy_293, 3, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Alm", NULL, sy_294, 3, 21, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_296[] = {
    {"tracker", pt_295, 9, NULL, 0, 22, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_601 = {"tracker_controller", pt_292, 13, gr_296, 1, 28, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_297[] = {
    {"SINGLE_PHASE", 0U},
    {"SPLIT_PHASE", 1U},
    {"THREE_PHASE", 2U},
};
static const struct pvs_ss_symbol sy_298[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_299[] = {
    {"OFF", 0U},
    {"SLEEPING", 1U},
    {"STARTING", 2U},
    {"RUNNING", 3U},
    {"THROTTLED", 4U},
    {"SHUTTING_DOWN", 5U},
    {"FAULT", 6U},
    {"STANDBY", 7U},
};
static const struct pvs_ss_symbol sy_300[] = {
    {"DISCONNECTED", 0U},
    {"CONNECTED", 1U},
};
static const struct pvs_ss_symbol sy_301[] = {
    {"GROUND_FAULT", 0U},
    {"DC_OVER_VOLT", 1U},
    {"AC_DISCONNECT", 2U},
    {"DC_DISCONNECT", 3U},
    {"GRID_DISCONNECT", 4U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"OVER_FREQUENCY", 8U},
    {"UNDER_FREQUENCY", 9U},
    {"AC_OVER_VOLT", 10U},
    {"AC_UNDER_VOLT", 11U},
    {"BLOWN_STRING_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"HW_TEST_FAILURE", 15U},
    {"MANUFACTURER_ALRM", 16U},
};
static const struct pvs_ss_symbol sy_302[] = {
    {"GRID_FOLLOWING", 0U},
    {"GRID_FORMING", 1U},
    {"PV_CLIPPED", 2U},
};
static const struct pvs_ss_symbol sy_303[] = {
    {"MAX_W", 0U},
    {"FIXED_W", 1U},
    {"FIXED_VAR", 2U},
    {"FIXED_PF", 3U},
    {"VOLT_VAR", 4U},
    {"FREQ_WATT", 5U},
    {"DYN_REACT_CURR", 6U},
    {"LVRT", 7U},
    {"HVRT", 8U},
    {"WATT_VAR", 9U},
    {"VOLT_WATT", 10U},
    {"SCHEDULED", 11U},
    {"LFRT", 12U},
    {"HFRT", 13U},
    {"DERATED", 14U},
};
static const struct pvs_ss_point pt_304[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ACType", NULL, sy_297, 3, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"St", NULL, sy_298, 2, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"InvSt", NULL, sy_299, 8, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ConnSt", NULL, sy_300, 2, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Alrm", NULL, sy_301, 17, 6, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"DERMode", NULL, sy_302, 3, 8, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"W", "W", NULL, 0, 10, 1, PVS_SS_INT16, 0, 64, 0, 0},
    {"VA", "VA", NULL, 0, 11, 1, PVS_SS_INT16, 0, 66, 0, 0},
    {"Var", "Var", NULL, 0, 12, 1, PVS_SS_INT16, 0, 67, 0, 0},
    {"PF", NULL, NULL, 0, 13, 1, PVS_SS_INT16, 0, 65, 0, 0},
    {"A", "A", NULL, 0, 14, 1, PVS_SS_INT16, 0, 61, 0, 0},
    {"LLV", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"LNV", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"Hz", "Hz", NULL, 0, 17, 2, PVS_SS_UINT32, 0, 63, 0, 0},
    {"TotWhInj", "Wh", NULL, 0, 19, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotWhAbs", "Wh", NULL, 0, 23, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotVarhInj", "Varh", NULL, 0, 27, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"TotVarhAbs", "Varh", NULL, 0, 31, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"TmpAmb", "C", NULL, 0, 35, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"TmpCab", "C", NULL, 0, 36, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"TmpSnk", "C", NULL, 0, 37, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"TmpTrns", "C", NULL, 0, 38, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"TmpSw", "C", NULL, 0, 39, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"TmpOt", "C", NULL, 0, 40, 1, PVS_SS_INT16, 0, 70, 0, 0},
    {"WL1", "W", NULL, 0, 41, 1, PVS_SS_INT16, 0, 64, 0, 0},
    {"VAL1", "VA", NULL, 0, 42, 1, PVS_SS_INT16, 0, 66, 0, 0},
    {"VarL1", "Var", NULL, 0, 43, 1, PVS_SS_INT16, 0, 67, 0, 0},
    {"PFL1", NULL, NULL, 0, 44, 1, PVS_SS_INT16, 0, 65, 0, 0},
    {"AL1", "A", NULL, 0, 45, 1, PVS_SS_INT16, 0, 61, 0, 0},
    {"VL1L2", "V", NULL, 0, 46, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"VL1", "V", NULL, 0, 47, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"TotWhInjL1", "Wh", NULL, 0, 48, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotWhAbsL1", "Wh", NULL, 0, 52, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotVarhInjL1", "Varh", NULL, 0, 56, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"TotVarhAbsL1", "Varh", NULL, 0, 60, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"WL2", "W", NULL, 0, 64, 1, PVS_SS_INT16, 0, 64, 0, 0},
    {"VAL2", "VA", NULL, 0, 65, 1, PVS_SS_INT16, 0, 66, 0, 0},
    {"VarL2", "Var", NULL, 0, 66, 1, PVS_SS_INT16, 0, 67, 0, 0},
    {"PFL2", NULL, NULL, 0, 67, 1, PVS_SS_INT16, 0, 65, 0, 0},
    {"AL2", "A", NULL, 0, 68, 1, PVS_SS_INT16, 0, 61, 0, 0},
    {"VL2L3", "V", NULL, 0, 69, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"VL2", "V", NULL, 0, 70, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"TotWhInjL2", "Wh", NULL, 0, 71, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotWhAbsL2", "Wh", NULL, 0, 75, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotVarhInjL2", "Varh", NULL, 0, 79, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"TotVarhAbsL2", "Varh", NULL, 0, 83, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"WL3", "W", NULL, 0, 87, 1, PVS_SS_INT16, 0, 64, 0, 0},
    {"VAL3", "VA", NULL, 0, 88, 1, PVS_SS_INT16, 0, 66, 0, 0},
    {"VarL3", "Var", NULL, 0, 89, 1, PVS_SS_INT16, 0, 67, 0, 0},
    {"PFL3", NULL, NULL, 0, 90, 1, PVS_SS_INT16, 0, 65, 0, 0},
    {"AL3", "A", NULL, 0, 91, 1, PVS_SS_INT16, 0, 61, 0, 0},
    {"VL3L1", "V", NULL, 0, 92, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"VL3", "V", NULL, 0, 93, 1, PVS_SS_UINT16, 0, 62, 0, 0},
    {"TotWhInjL3", "Wh", NULL, 0, 94, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotWhAbsL3", "Wh", NULL, 0, 98, 4, PVS_SS_UINT64, 0, 68, 0, 0},
    {"TotVarhInjL3", "Varh", NULL, 0, 102, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"TotVarhAbsL3", "Varh", NULL, 0, 106, 4, PVS_SS_UINT64, 0, 69, 0, 0},
    {"ThrotPct", "Pct", NULL, 0, 110, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ThrotSrc", NULL, sy_303, 15, 111, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 113, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 114, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 115, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 116, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF_SF", NULL, NULL, 0, 117, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA_SF", NULL, NULL, 0, 118, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Var_SF", NULL, NULL, 0, 119, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotWh_SF", NULL, NULL, 0, 120, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"TotVarh_SF", NULL, NULL, 0, 121, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 122, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"MnAlrmInfo", NULL, NULL, 0, 123, 32, PVS_SS_STRING, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_701 = {"DERMeasureAC", pt_304, 72, NULL, 0, 155, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_305[] = {
    {"CAT_A", 0U},
    {"CAT_B", 1U},
};
static const struct pvs_ss_symbol sy_306[] = {
    {"CAT_1", 0U},
    {"CAT_2", 1U},
    {"CAT_3", 2U},
};
static const struct pvs_ss_symbol sy_307[] = {
    {"MAX_W", 0U},
    {"FIXED_W", 1U},
    {"FIXED_VAR", 2U},
    {"FIXED_PF", 3U},
    {"VOLT_VAR", 4U},
    {"FREQ_WATT", 5U},
    {"DYN_REACT_CURR", 6U},
    {"LV_TRIP", 7U},
    {"HV_TRIP", 8U},
    {"WATT_VAR", 9U},
    {"VOLT_WATT", 10U},
    {"SCHEDULED", 11U},
    {"LF_TRIP", 12U},
    {"HF_TRIP", 13U},
};
static const struct pvs_ss_symbol sy_308[] = {
    {"UNCATEGORIZED", 0U},
    {"INT_ISL_CAPABLE", 1U},
    {"BLACK_START_CAPABLE", 2U},
    {"ISOCH_CAPABLE", 3U},
};
static const struct pvs_ss_symbol sy_309[] = {
    {"UNCATEGORIZED", 0U},
    {"INT_ISL_CAPABLE", 1U},
    {"BLACK_START_CAPABLE", 2U},
    {"ISOCH_CAPABLE", 3U},
};
static const struct pvs_ss_point pt_310[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WMaxRtg", "W", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WOvrExtRtg", "W", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WOvrExtRtgPF", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"WUndExtRtg", "W", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WUndExtRtgPF", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"VAMaxRtg", "VA", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VarMaxInjRtg", "Var", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"VarMaxAbsRtg", "Var", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"WChaRteMaxRtg", "W", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WDisChaRteMaxRtg", "W", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"VAChaRteMaxRtg", "VA", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VADisChaRteMaxRtg", "VA", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VNomRtg", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"VMaxRtg", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"VMinRtg", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"AMaxRtg", "A", NULL, 0, 17, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"PFOvrExtRtg", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"PFUndExtRtg", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"ReactSusceptRtg", "S", NULL, 0, 20, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"NorOpCatRtg", NULL, sy_305, 2, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AbnOpCatRtg", NULL, sy_306, 3, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CtrlModes", NULL, sy_307, 14, 23, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"IntIslandCatRtg", NULL, sy_308, 4, 25, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"WMax", "W", NULL, 0, 26, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WMaxOvrExt", "W", NULL, 0, 27, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WOvrExtPF", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"WMaxUndExt", "W", NULL, 0, 29, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WUndExtPF", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"VAMax", "VA", NULL, 0, 31, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VarMaxInj", "Var", NULL, 0, 32, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"VarMaxAbs", "Var", NULL, 0, 33, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"WChaRteMax", "W", NULL, 0, 34, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"WDisChaRteMax", "W", NULL, 0, 35, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"VAChaRteMax", "VA", NULL, 0, 36, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VADisChaRteMax", "VA", NULL, 0, 37, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"VNom", "V", NULL, 0, 38, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"VMax", "V", NULL, 0, 39, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"VMin", "V", NULL, 0, 40, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"AMax", "A", NULL, 0, 41, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"PFOvrExt", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"PFUndExt", NULL, NULL, 0, 43, 1, PVS_SS_UINT16, 0, 45, 0, 0},
    {"IntIslandCat", NULL, sy_309, 4, 44, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 45, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PF_SF", NULL, NULL, 0, 46, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VA_SF", NULL, NULL, 0, 47, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Var_SF", NULL, NULL, 0, 48, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 49, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 50, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"S_SF", NULL, NULL, 0, 51, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_702 = {"DERCapacity", pt_310, 51, NULL, 0, 52, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_311[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_point pt_312[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ES", NULL, sy_311, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ESVHi", "Pct", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 11, 0, 0},
    {"ESVLo", "Pct", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 11, 0, 0},
    {"ESHzHi", "Hz", NULL, 0, 5, 2, PVS_SS_UINT32, 0, 12, 0, 0},
    {"ESHzLo", "Hz", NULL, 0, 7, 2, PVS_SS_UINT32, 0, 12, 0, 0},
    {"ESDlyTms", "Secs", NULL, 0, 9, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"ESRndTms", "Secs", NULL, 0, 11, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"ESRmpTms", "Secs", NULL, 0, 13, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"ESDlyRemTms", "Secs", NULL, 0, 15, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 18, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_703 = {"DEREnterService", pt_312, 13, NULL, 0, 19, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_313[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_314[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_315[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_316[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_317[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_318[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_319[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_320[] = {
    {"W_MAX_PCT", 0U},
    {"WATTS", 1U},
};
static const struct pvs_ss_symbol sy_321[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_322[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_323[] = {
    {"W_MAX_PCT", 0U},
    {"VAR_MAX_PCT", 1U},
    {"VAR_AVAIL_PCT", 2U},
    {"VA_MAX_PCT", 3U},
    {"VARS", 4U},
};
static const struct pvs_ss_symbol sy_324[] = {
    {"ACTIVE", 0U},
    {"REACTIVE", 1U},
    {"VENDOR", 2U},
};
static const struct pvs_ss_symbol sy_325[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_326[] = {
    {"A_MAX", 0U},
    {"W_MAX", 1U},
};
static const struct pvs_ss_symbol sy_327[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_point pt_328[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PFWInjEna", NULL, sy_313, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"PFWInjEnaRvrt", NULL, sy_314, 2, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"PFWInjRvrtTms", "Secs", NULL, 0, 4, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"PFWInjRvrtRem", "Secs", NULL, 0, 6, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"PFWAbsEna", NULL, sy_315, 2, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"PFWAbsEnaRvrt", NULL, sy_316, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"PFWAbsRvrtTms", "Secs", NULL, 0, 10, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"PFWAbsRvrtRem", "Secs", NULL, 0, 12, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"WMaxLimPctEna", NULL, sy_317, 2, 14, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WMaxLimPct", "Pct", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 40, 0, 0},
    {"WMaxLimPctRvrt", "Pct", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 40, 0, 0},
    {"WMaxLimPctEnaRvrt", NULL, sy_318, 2, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WMaxLimPctRvrtTms", "Secs", NULL, 0, 18, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"WMaxLimPctRvrtRem", "Secs", NULL, 0, 20, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"WSetEna", NULL, sy_319, 2, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WSetMod", NULL, sy_320, 2, 23, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WSet", "W", NULL, 0, 24, 2, PVS_SS_INT32, 0, 41, 0, 0},
    {"WSetRvrt", "W", NULL, 0, 26, 2, PVS_SS_INT32, 0, 41, 0, 0},
    {"WSetPct", "Pct", NULL, 0, 28, 1, PVS_SS_INT16, 0, 42, 0, 0},
    {"WSetPctRvrt", "Pct", NULL, 0, 29, 1, PVS_SS_INT16, 0, 42, 0, 0},
    {"WSetEnaRvrt", NULL, sy_321, 2, 30, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WSetRvrtTms", "Secs", NULL, 0, 31, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"WSetRvrtRem", "Secs", NULL, 0, 33, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"VarSetEna", NULL, sy_322, 2, 35, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VarSetMod", NULL, sy_323, 5, 36, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VarSetPri", NULL, sy_324, 3, 37, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VarSet", "Var", NULL, 0, 38, 2, PVS_SS_INT32, 0, 43, 0, 0},
    {"VarSetRvrt", "Var", NULL, 0, 40, 2, PVS_SS_INT32, 0, 43, 0, 0},
    {"VarSetPct", "Pct", NULL, 0, 42, 1, PVS_SS_INT16, 0, 44, 0, 0},
    {"VarSetPctRvrt", "Pct", NULL, 0, 43, 1, PVS_SS_INT16, 0, 44, 0, 0},
    {"VarSetEnaRvrt", NULL, sy_325, 2, 44, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VarSetRvrtTms", "Secs", NULL, 0, 45, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"VarSetRvrtRem", "Secs", NULL, 0, 47, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"WRmp", "%Max/Sec", NULL, 0, 49, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WRmpRef", NULL, sy_326, 2, 50, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VarRmp", "%Max/Sec", NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AntiIslEna", NULL, sy_327, 2, 52, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"PF_SF", NULL, NULL, 0, 53, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WMaxLimPct_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WSet_SF", NULL, NULL, 0, 55, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WSetPct_SF", NULL, NULL, 0, 56, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VarSet_SF", NULL, NULL, 0, 57, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VarSetPct_SF", NULL, NULL, 0, 58, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_329[] = {
    {"OVER_EXCITED", 0U},
    {"UNDER_EXCITED", 1U},
};
static const struct pvs_ss_point pt_330[] = {
    {"PF", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, 1, 39, 0, 0},
    {"Ext", NULL, sy_329, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_331[] = {
    {"OVER_EXCITED", 0U},
    {"UNDER_EXCITED", 1U},
};
static const struct pvs_ss_point pt_332[] = {
    {"PF", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, 1, 39, 0, 0},
    {"Ext", NULL, sy_331, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_333[] = {
    {"OVER_EXCITED", 0U},
    {"UNDER_EXCITED", 1U},
};
static const struct pvs_ss_point pt_334[] = {
    {"PF", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, 1, 39, 0, 0},
    {"Ext", NULL, sy_333, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_335[] = {
    {"OVER_EXCITED", 0U},
    {"UNDER_EXCITED", 1U},
};
static const struct pvs_ss_point pt_336[] = {
    {"PF", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, 1, 39, 0, 0},
    {"Ext", NULL, sy_335, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_337[] = {
    {"PFWInj", pt_330, 2, NULL, 0, 2, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"PFWInjRvrt", pt_332, 2, NULL, 0, 2, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"PFWAbs", pt_334, 2, NULL, 0, 2, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"PFWAbsRvrt", pt_336, 2, NULL, 0, 2, PVS_SS_COUNT_ONE, 1, -1, 0},
};
static const struct pvs_ss_group model_704 = {"DERCtlAC", pt_328, 45, gr_337, 4, 59, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_338[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_339[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_340[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_338, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_339, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 7, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtRem", "Secs", NULL, 0, 9, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtCrv", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 12, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DeptRef_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RspTms_SF", NULL, NULL, 0, 14, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_341[] = {
    {"W_MAX_PCT", 0U},
    {"VAR_MAX_PCT", 1U},
    {"VAR_AVAL_PCT", 2U},
    {"VA_MAX_PCT", 3U},
};
static const struct pvs_ss_symbol sy_342[] = {
    {"ACTIVE", 0U},
    {"REACTIVE", 1U},
    {"VENDOR", 2U},
};
static const struct pvs_ss_symbol sy_343[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_344[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_345[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_341, 4, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pri", NULL, sy_342, 3, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VRef", "VNomPct", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"VRefAuto", "VNomPct", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"VRefAutoEna", NULL, sy_343, 2, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VRefAutoTms", "Secs", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RspTms", "Secs", NULL, 0, 7, 2, PVS_SS_UINT32, 1, 12, 0, 0},
    {"ReadOnly", NULL, sy_344, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_346[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 2, 10, 0, 0},
    {"Var", "DeptRef", NULL, 0, 1, 1, PVS_SS_INT16, 2, 11, 0, 0},
};
static const struct pvs_ss_group gr_347[] = {
    {"Pt", pt_346, 2, NULL, 0, 2, PVS_SS_COUNT_POINT, 1, 1, 5},
};
static const struct pvs_ss_group gr_348[] = {
    {"Crv", pt_345, 9, gr_347, 1, 10, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_705 = {"DERVoltVar", pt_340, 13, gr_348, 1, 15, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_349[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_350[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_351[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_349, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_350, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 7, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtRem", "Secs", NULL, 0, 9, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtCrv", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 12, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DeptRef_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RspTms_SF", NULL, NULL, 0, 14, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_352[] = {
    {"W_MAX_PCT", 0U},
    {"W_AVAL_PCT", 1U},
};
static const struct pvs_ss_symbol sy_353[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_354[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_352, 2, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"RspTms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 1, 12, 0, 0},
    {"ReadOnly", NULL, sy_353, 2, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_355[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 2, 10, 0, 0},
    {"W", "DeptRef", NULL, 0, 1, 1, PVS_SS_INT16, 2, 11, 0, 0},
};
static const struct pvs_ss_group gr_356[] = {
    {"Pt", pt_355, 2, NULL, 0, 2, PVS_SS_COUNT_POINT, 1, 1, 5},
};
static const struct pvs_ss_group gr_357[] = {
    {"Crv", pt_354, 4, gr_356, 1, 5, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_706 = {"DERVoltWatt", pt_351, 13, gr_357, 1, 15, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_358[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_359[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_360[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_358, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_359, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrvSet", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_361[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_362[] = {
    {"ReadOnly", NULL, sy_361, 2, 0, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_363[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_364[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_365[] = {
    {"Pt", pt_364, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_366[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_367[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_368[] = {
    {"Pt", pt_367, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_369[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_370[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_371[] = {
    {"Pt", pt_370, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_group gr_372[] = {
    {"MustTrip", pt_363, 1, gr_365, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MayTrip", pt_366, 1, gr_368, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MomCess", pt_369, 1, gr_371, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
};
static const struct pvs_ss_group gr_373[] = {
    {"Crv", pt_362, 1, gr_372, 3, 1, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_707 = {"DERTripLV", pt_360, 9, gr_373, 1, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_374[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_375[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_376[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_374, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_375, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrvSet", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_377[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_378[] = {
    {"ReadOnly", NULL, sy_377, 2, 0, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_379[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_380[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_381[] = {
    {"Pt", pt_380, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_382[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_383[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_384[] = {
    {"Pt", pt_383, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_385[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_386[] = {
    {"V", "VNomPct", NULL, 0, 0, 1, PVS_SS_UINT16, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 1, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_387[] = {
    {"Pt", pt_386, 2, NULL, 0, 3, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_group gr_388[] = {
    {"MustTrip", pt_379, 1, gr_381, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MayTrip", pt_382, 1, gr_384, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MomCess", pt_385, 1, gr_387, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
};
static const struct pvs_ss_group gr_389[] = {
    {"Crv", pt_378, 1, gr_388, 3, 1, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_708 = {"DERTripHV", pt_376, 9, gr_389, 1, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_390[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_391[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_392[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_390, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_391, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrvSet", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_393[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_394[] = {
    {"ReadOnly", NULL, sy_393, 2, 0, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_395[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_396[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_397[] = {
    {"Pt", pt_396, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_398[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_399[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_400[] = {
    {"Pt", pt_399, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_401[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_402[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_403[] = {
    {"Pt", pt_402, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_group gr_404[] = {
    {"MustTrip", pt_395, 1, gr_397, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MayTrip", pt_398, 1, gr_400, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MomCess", pt_401, 1, gr_403, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
};
static const struct pvs_ss_group gr_405[] = {
    {"Crv", pt_394, 1, gr_404, 3, 1, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_709 = {"DERTripLF", pt_392, 9, gr_405, 1, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_406[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_407[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_408[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_406, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_407, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrvSet", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_409[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_410[] = {
    {"ReadOnly", NULL, sy_409, 2, 0, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_411[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_412[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_413[] = {
    {"Pt", pt_412, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_414[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_415[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_416[] = {
    {"Pt", pt_415, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_point pt_417[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_418[] = {
    {"Hz", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 3, 7, 0, 0},
    {"Tms", "Secs", NULL, 0, 2, 2, PVS_SS_UINT32, 3, 8, 0, 0},
};
static const struct pvs_ss_group gr_419[] = {
    {"Pt", pt_418, 2, NULL, 0, 4, PVS_SS_COUNT_POINT, 1, 2, 5},
};
static const struct pvs_ss_group gr_420[] = {
    {"MustTrip", pt_411, 1, gr_413, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MayTrip", pt_414, 1, gr_416, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
    {"MomCess", pt_417, 1, gr_419, 1, 1, PVS_SS_COUNT_ONE, 1, -1, 0},
};
static const struct pvs_ss_group gr_421[] = {
    {"Crv", pt_410, 1, gr_420, 3, 1, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_710 = {"DERTripHF", pt_408, 9, gr_421, 1, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_422[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_423[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_424[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_422, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCtlReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCtlRslt", NULL, sy_423, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NCtl", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 6, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtRem", "Secs", NULL, 0, 8, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtCtl", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Db_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"K_SF", NULL, NULL, 0, 12, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"RspTms_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_425[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_426[] = {
    {"DbOf", "Hz", NULL, 0, 0, 2, PVS_SS_UINT32, 1, 9, 0, 0},
    {"DbUf", "Hz", NULL, 0, 2, 2, PVS_SS_UINT32, 1, 9, 0, 0},
    {"KOf", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"KUf", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, 1, 10, 0, 0},
    {"RspTms", "Secs", NULL, 0, 6, 2, PVS_SS_UINT32, 1, 11, 0, 0},
    {"PMin", "Pct", NULL, 0, 8, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_425, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_427[] = {
    {"Ctl", pt_426, 7, NULL, 0, 10, PVS_SS_COUNT_POINT, 1, 0, 5},
};
static const struct pvs_ss_group model_711 = {"DERFreqDroop", pt_424, 12, gr_427, 1, 14, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_428[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_429[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_430[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Ena", NULL, sy_428, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptCrvReq", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptCrvRslt", NULL, sy_429, 3, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCrv", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RvrtTms", "Secs", NULL, 0, 7, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtRem", "Secs", NULL, 0, 9, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"RvrtCrv", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 12, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DeptRef_SF", NULL, NULL, 0, 13, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_431[] = {
    {"W_MAX_PCT", 0U},
    {"VAR_MAX_PCT", 1U},
    {"VAR_AVAL_PCT", 2U},
    {"VA_MAX_PCT", 3U},
};
static const struct pvs_ss_symbol sy_432[] = {
    {"ACTIVE", 0U},
    {"REACTIVE", 1U},
};
static const struct pvs_ss_symbol sy_433[] = {
    {"RW", 0U},
    {"R", 1U},
};
static const struct pvs_ss_point pt_434[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_431, 4, 1, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pri", NULL, sy_432, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ReadOnly", NULL, sy_433, 2, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_435[] = {
    {"W", "WMaxPct", NULL, 0, 0, 1, PVS_SS_INT16, 2, 10, 0, 0},
    {"Var", "VarPct", NULL, 0, 1, 1, PVS_SS_INT16, 2, 11, 0, 0},
};
static const struct pvs_ss_group gr_436[] = {
    {"Pt", pt_435, 2, NULL, 0, 2, PVS_SS_COUNT_POINT, 1, 1, 5},
};
static const struct pvs_ss_group gr_437[] = {
    {"Crv", pt_434, 4, gr_436, 1, 4, PVS_SS_COUNT_POINT, 1, 0, 6},
};
static const struct pvs_ss_group model_712 = {"DERWattVar", pt_430, 12, gr_437, 1, 14, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_438[] = {
    {"OK", 0U},
    {"WARNING", 1U},
    {"ERROR", 2U},
};
static const struct pvs_ss_point pt_439[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"WHRtg", "WH", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 7, 0, 0},
    {"WHAvail", "WH", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 7, 0, 0},
    {"SoC", "Pct", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 8, 0, 0},
    {"SoH", "Pct", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 8, 0, 0},
    {"Sta", NULL, sy_438, 3, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WH_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pct_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_713 = {"DERStorageCapacity", pt_439, 9, NULL, 0, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_440[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PrtAlrms", NULL, NULL, 0, 2, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"NPrt", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 5, 1, PVS_SS_INT16, 0, 8, 0, 0},
    {"DCW", "W", NULL, 0, 6, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"DCWhInj", "Wh", NULL, 0, 7, 4, PVS_SS_UINT64, 0, 11, 0, 0},
    {"DCWhAbs", "Wh", NULL, 0, 11, 4, PVS_SS_UINT64, 0, 11, 0, 0},
    {"DCA_SF", NULL, NULL, 0, 15, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCV_SF", NULL, NULL, 0, 16, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCW_SF", NULL, NULL, 0, 17, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DCWH_SF", NULL, NULL, 0, 18, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 19, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_441[] = {
    {"PV", 0U},
    {"ESS", 1U},
    {"EV", 2U},
    {"INJ", 3U},
    {"ABS", 4U},
    {"BIDIR", 5U},
    {"DC_DC", 6U},
};
static const struct pvs_ss_symbol sy_442[] = {
    {"OFF", 0U},
    {"ON", 1U},
    {"WARNING", 2U},
    {"ERROR", 3U},
};
static const struct pvs_ss_symbol sy_443[] = {
    {"GROUND_FAULT", 0U},
    {"INPUT_OVER_VOLTAGE", 1U},
    {"DC_DISCONNECT", 3U},
    {"CABINET_OPEN", 5U},
    {"MANUAL_SHUTDOWN", 6U},
    {"OVER_TEMP", 7U},
    {"BLOWN_FUSE", 12U},
    {"UNDER_TEMP", 13U},
    {"MEMORY_LOSS", 14U},
    {"ARC_DETECTION", 15U},
    {"RESERVED", 19U},
    {"TEST_FAILED", 20U},
    {"INPUT_UNDER_VOLTAGE", 21U},
    {"INPUT_OVER_CURRENT", 22U},
};
static const struct pvs_ss_point pt_444[] = {
    {"PrtTyp", NULL, sy_441, 7, 0, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ID", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"IDStr", NULL, NULL, 0, 2, 8, PVS_SS_STRING, -1, 0, 0, 0},
    {"DCA", "A", NULL, 0, 10, 1, PVS_SS_INT16, 1, 8, 0, 0},
    {"DCV", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 9, 0, 0},
    {"DCW", "W", NULL, 0, 12, 1, PVS_SS_INT16, 1, 10, 0, 0},
    {"DCWhInj", "Wh", NULL, 0, 13, 4, PVS_SS_UINT64, 1, 11, 0, 0},
    {"DCWhAbs", "Wh", NULL, 0, 17, 4, PVS_SS_UINT64, 1, 11, 0, 0},
    {"Tmp", "C", NULL, 0, 21, 1, PVS_SS_INT16, 1, 12, 0, 0},
    {"DCSta", NULL, sy_442, 4, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"DCAlrm", NULL, sy_443, 14, 23, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_445[] = {
    {"Prt", pt_444, 11, NULL, 0, 25, PVS_SS_COUNT_POINT, 1, 0, 3},
};
static const struct pvs_ss_group model_714 = {"DERMeasureDC", pt_440, 13, gr_445, 1, 20, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_446[] = {
    {"REMOTE", 0U},
    {"LOCAL", 1U},
};
static const struct pvs_ss_symbol sy_447[] = {
    {"STOP", 0U},
    {"START", 1U},
    {"ENTER_STANDBY", 2U},
    {"EXIT_STANDBY", 3U},
};
static const struct pvs_ss_point pt_448[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"LocRemCtl", NULL, sy_446, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"DERHb", NULL, NULL, 0, 3, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"ControllerHb", NULL, NULL, 0, 5, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"AlarmReset", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OpCtl", NULL, sy_447, 4, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_715 = {"DERCtl", pt_448, 7, NULL, 0, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_449[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DEPRECATED", NULL, NULL, 0, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_801 = {"storage", pt_449, 3, NULL, 0, 3, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_450[] = {
    {"OFF", 1U},
    {"EMPTY", 2U},
    {"DISCHARGING", 3U},
    {"CHARGING", 4U},
    {"FULL", 5U},
    {"HOLDING", 6U},
    {"TESTING", 7U},
};
static const struct pvs_ss_symbol sy_451[] = {
    {"REMOTE", 0U},
    {"LOCAL", 1U},
};
static const struct pvs_ss_symbol sy_452[] = {
    {"NOT APPLICABLE_UNKNOWN", 0U},
    {"LEAD_ACID", 1U},
    {"NICKEL_METAL_HYDRATE", 2U},
    {"NICKEL_CADMIUM", 3U},
    {"LITHIUM_ION", 4U},
    {"CARBON_ZINC", 5U},
    {"ZINC_CHLORIDE", 6U},
    {"ALKALINE", 7U},
    {"RECHARGEABLE_ALKALINE", 8U},
    {"SODIUM_SULFUR", 9U},
    {"FLOW", 10U},
    {"OTHER", 99U},
};
static const struct pvs_ss_symbol sy_453[] = {
    {"DISCONNECTED", 1U},
    {"INITIALIZING", 2U},
    {"CONNECTED", 3U},
    {"STANDBY", 4U},
    {"SOC PROTECTION", 5U},
    {"SUSPENDING", 6U},
    {"FAULT", 99U},
};
static const struct pvs_ss_symbol sy_454[] = {
    {"COMMUNICATION_ERROR", 0U},
    {"OVER_TEMP_ALARM", 1U},
    {"OVER_TEMP_WARNING", 2U},
    {"UNDER_TEMP_ALARM", 3U},
    {"UNDER_TEMP_WARNING", 4U},
    {"OVER_CHARGE_CURRENT_ALARM", 5U},
    {"OVER_CHARGE_CURRENT_WARNING", 6U},
    {"OVER_DISCHARGE_CURRENT_ALARM", 7U},
    {"OVER_DISCHARGE_CURRENT_WARNING", 8U},
    {"OVER_VOLT_ALARM", 9U},
    {"OVER_VOLT_WARNING", 10U},
    {"UNDER_VOLT_ALARM", 11U},
    {"UNDER_VOLT_WARNING", 12U},
    {"UNDER_SOC_MIN_ALARM", 13U},
    {"UNDER_SOC_MIN_WARNING", 14U},
    {"OVER_SOC_MAX_ALARM", 15U},
    {"OVER_SOC_MAX_WARNING", 16U},
    {"VOLTAGE_IMBALANCE_WARNING", 17U},
    {"TEMPERATURE_IMBALANCE_ALARM", 18U},
    {"TEMPERATURE_IMBALANCE_WARNING", 19U},
    {"CONTACTOR_ERROR", 20U},
    {"FAN_ERROR", 21U},
    {"GROUND_FAULT", 22U},
    {"OPEN_DOOR_ERROR", 23U},
    {"CURRENT_IMBALANCE_WARNING", 24U},
    {"OTHER_ALARM", 25U},
    {"OTHER_WARNING", 26U},
    {"RESERVED_1", 27U},
    {"CONFIGURATION_ALARM", 28U},
    {"CONFIGURATION_WARNING", 29U},
};
static const struct pvs_ss_symbol sy_455[] = {
    {"NO REQUEST", 0U},
    {"START", 1U},
    {"STOP", 2U},
};
static const struct pvs_ss_symbol sy_456[] = {
    {"CONNECT", 1U},
    {"DISCONNECT", 2U},
};
static const struct pvs_ss_symbol sy_457[] = {
    {"INVERTER_STOPPED", 1U},
    {"INVERTER_STANDBY", 2U},
    {"INVERTER_STARTED", 3U},
};
static const struct pvs_ss_point pt_458[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AHRtg", "Ah", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"WHRtg", "Wh", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"WChaRteMax", "W", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"WDisChaRteMax", "W", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"DisChaRte", "%WHRtg", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"SoCMax", "%WHRtg", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"SoCMin", "%WHRtg", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"SocRsvMax", "%WHRtg", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"SoCRsvMin", "%WHRtg", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"SoC", "%WHRtg", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 50, 0, 0},
    {"DoD", "%", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 51, 0, 0},
    {"SoH", "%", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 52, 0, 0},
    {"NCyc", NULL, NULL, 0, 14, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"ChaSt", NULL, sy_450, 7, 16, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"LocRemCtl", NULL, sy_451, 2, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Hb", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CtrlHb", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AlmRst", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Typ", NULL, sy_452, 12, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"State", NULL, sy_453, 7, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StateVnd", NULL, NULL, 0, 23, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"WarrDt", NULL, NULL, 0, 24, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"Evt1", NULL, sy_454, 30, 26, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 28, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 30, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 32, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"V", "V", NULL, 0, 34, 1, PVS_SS_UINT16, 0, 53, 0, 0},
    {"VMax", "V", NULL, 0, 35, 1, PVS_SS_UINT16, 0, 53, 0, 0},
    {"VMin", "V", NULL, 0, 36, 1, PVS_SS_UINT16, 0, 53, 0, 0},
    {"CellVMax", "V", NULL, 0, 37, 1, PVS_SS_UINT16, 0, 54, 0, 0},
    {"CellVMaxStr", NULL, NULL, 0, 38, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMaxMod", NULL, NULL, 0, 39, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMin", "V", NULL, 0, 40, 1, PVS_SS_UINT16, 0, 54, 0, 0},
    {"CellVMinStr", NULL, NULL, 0, 41, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMinMod", NULL, NULL, 0, 42, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVAvg", "V", NULL, 0, 43, 1, PVS_SS_UINT16, 0, 54, 0, 0},
    {"A", "A", NULL, 0, 44, 1, PVS_SS_INT16, 0, 55, 0, 0},
    {"AChaMax", "A", NULL, 0, 45, 1, PVS_SS_UINT16, 0, 56, 0, 0},
    {"ADisChaMax", "A", NULL, 0, 46, 1, PVS_SS_UINT16, 0, 56, 0, 0},
    {"W", "W", NULL, 0, 47, 1, PVS_SS_INT16, 0, 57, 0, 0},
    {"ReqInvState", NULL, sy_455, 3, 48, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ReqW", "W", NULL, 0, 49, 1, PVS_SS_INT16, 0, 57, 0, 0},
    {"SetOp", NULL, sy_456, 2, 50, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SetInvState", NULL, sy_457, 3, 51, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AHRtg_SF", NULL, NULL, 0, 52, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WHRtg_SF", NULL, NULL, 0, 53, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"WChaDisChaMax_SF", NULL, NULL, 0, 54, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DisChaRte_SF", NULL, NULL, 0, 55, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoC_SF", NULL, NULL, 0, 56, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DoD_SF", NULL, NULL, 0, 57, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoH_SF", NULL, NULL, 0, 58, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 59, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CellV_SF", NULL, NULL, 0, 60, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 61, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"AMax_SF", NULL, NULL, 0, 62, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 63, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_802 = {"battery", pt_458, 58, NULL, 0, 64, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_459[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NStr", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NStrCon", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpMax", "C", NULL, 0, 4, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"ModTmpMaxStr", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpMaxMod", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpMin", "C", NULL, 0, 7, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"ModTmpMinStr", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpMinMod", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpAvg", "C", NULL, 0, 10, 1, PVS_SS_INT16, 0, 23, 0, 0},
    {"StrVMax", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"StrVMaxStr", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrVMin", "V", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"StrVMinStr", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrVAvg", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"StrAMax", "A", NULL, 0, 16, 1, PVS_SS_INT16, 0, 24, 0, 0},
    {"StrAMaxStr", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrAMin", "A", NULL, 0, 18, 1, PVS_SS_INT16, 0, 24, 0, 0},
    {"StrAMinStr", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrAAvg", "A", NULL, 0, 20, 1, PVS_SS_INT16, 0, 24, 0, 0},
    {"NCellBal", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellV_SF", NULL, NULL, 0, 22, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ModTmp_SF", NULL, NULL, 0, 23, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 24, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoH_SF", NULL, NULL, 0, 25, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoC_SF", NULL, NULL, 0, 26, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 27, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_460[] = {
    {"STRING_ENABLED", 0U},
    {"CONTACTOR_STATUS", 1U},
};
static const struct pvs_ss_symbol sy_461[] = {
    {"NO_FAILURE", 0U},
    {"BUTTON_PUSHED", 1U},
    {"STR_GROUND_FAULT", 2U},
    {"OUTSIDE_VOLTAGE_RANGE", 3U},
    {"STRING_NOT_ENABLED", 4U},
    {"FUSE_OPEN", 5U},
    {"CONTACTOR_FAILURE", 6U},
    {"PRECHARGE_FAILURE", 7U},
    {"STRING_FAULT", 8U},
};
static const struct pvs_ss_symbol sy_462[] = {
    {"NONE", 0U},
    {"FAULT", 1U},
    {"MAINTENANCE", 2U},
    {"EXTERNAL", 3U},
    {"OTHER", 4U},
};
static const struct pvs_ss_symbol sy_463[] = {
    {"CONTACTOR_0", 0U},
    {"CONTACTOR_1", 1U},
    {"CONTACTOR_2", 2U},
    {"CONTACTOR_3", 3U},
    {"CONTACTOR_4", 4U},
    {"CONTACTOR_5", 5U},
    {"CONTACTOR_6", 6U},
    {"CONTACTOR_7", 7U},
    {"CONTACTOR_8", 8U},
    {"CONTACTOR_9", 9U},
    {"CONTACTOR_10", 10U},
    {"CONTACTOR_11", 11U},
    {"CONTACTOR_12", 12U},
    {"CONTACTOR_13", 13U},
    {"CONTACTOR_14", 14U},
    {"CONTACTOR_15", 15U},
    {"CONTACTOR_16", 16U},
    {"CONTACTOR_17", 17U},
    {"CONTACTOR_18", 18U},
    {"CONTACTOR_19", 19U},
    {"CONTACTOR_20", 20U},
    {"CONTACTOR_21", 21U},
    {"CONTACTOR_22", 22U},
    {"CONTACTOR_23", 23U},
    {"CONTACTOR_24", 24U},
    {"CONTACTOR_25", 25U},
    {"CONTACTOR_26", 26U},
    {"CONTACTOR_27", 27U},
    {"CONTACTOR_28", 28U},
    {"CONTACTOR_29", 29U},
    {"CONTACTOR_30", 30U},
};
static const struct pvs_ss_symbol sy_464[] = {
    {"COMMUNICATION_ERROR", 0U},
    {"OVER_TEMP_ALARM", 1U},
    {"OVER_TEMP_WARNING", 2U},
    {"UNDER_TEMP_ALARM", 3U},
    {"UNDER_TEMP_WARNING", 4U},
    {"OVER_CHARGE_CURRENT_ALARM", 5U},
    {"OVER_CHARGE_CURRENT_WARNING", 6U},
    {"OVER_DISCHARGE_CURRENT_ALARM", 7U},
    {"OVER_DISCHARGE_CURRENT_WARNING", 8U},
    {"OVER_VOLT_ALARM", 9U},
    {"OVER_VOLT_WARNING", 10U},
    {"UNDER_VOLT_ALARM", 11U},
    {"UNDER_VOLT_WARNING", 12U},
    {"UNDER_SOC_MIN_ALARM", 13U},
    {"UNDER_SOC_MIN_WARNING", 14U},
    {"OVER_SOC_MAX_ALARM", 15U},
    {"OVER_SOC_MAX_WARNING", 16U},
    {"VOLTAGE_IMBALANCE_WARNING", 17U},
    {"TEMPERATURE_IMBALANCE_ALARM", 18U},
    {"TEMPERATURE_IMBALANCE_WARNING", 19U},
    {"CONTACTOR_ERROR", 20U},
    {"FAN_ERROR", 21U},
    {"GROUND_FAULT", 22U},
    {"OPEN_DOOR_ERROR", 23U},
    {"RESERVED_1", 24U},
    {"OTHER_ALARM", 25U},
    {"OTHER_WARNING", 26U},
    {"RESERVED_2", 27U},
    {"CONFIGURATION_ALARM", 28U},
    {"CONFIGURATION_WARNING", 29U},
};
static const struct pvs_ss_symbol sy_465[] = {
    {"ENABLE_STRING", 1U},
    {"DISABLE_STRING", 2U},
};
static const struct pvs_ss_symbol sy_466[] = {
    {"CONNECT_STRING", 1U},
    {"DISCONNECT_STRING", 2U},
};
static const struct pvs_ss_point pt_467[] = {
    {"StrNMod", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrSt", NULL, sy_460, 2, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrConFail", NULL, sy_461, 9, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StrSoC", "%", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 26, 0, 0},
    {"StrSoH", "%", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 25, 0, 0},
    {"StrA", "A", NULL, 0, 6, 1, PVS_SS_INT16, 1, 24, 0, 0},
    {"StrCellVMax", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 22, 0, 0},
    {"StrCellVMaxMod", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrCellVMin", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 22, 0, 0},
    {"StrCellVMinMod", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrCellVAvg", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 22, 0, 0},
    {"StrModTmpMax", "C", NULL, 0, 12, 1, PVS_SS_INT16, 1, 23, 0, 0},
    {"StrModTmpMaxMod", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrModTmpMin", "C", NULL, 0, 14, 1, PVS_SS_INT16, 1, 23, 0, 0},
    {"StrModTmpMinMod", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrModTmpAvg", "C", NULL, 0, 16, 1, PVS_SS_INT16, 1, 23, 0, 0},
    {"StrDisRsn", NULL, sy_462, 5, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StrConSt", NULL, sy_463, 31, 18, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrEvt1", NULL, sy_464, 30, 20, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrEvt2", NULL, NULL, 0, 22, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrEvtVnd1", NULL, NULL, 0, 24, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrEvtVnd2", NULL, NULL, 0, 26, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"StrSetEna", NULL, sy_465, 2, 28, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"StrSetCon", NULL, sy_466, 2, 29, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Pad1", NULL, NULL, 0, 30, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Pad2", NULL, NULL, 0, 31, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_468[] = {
    {"string", pt_467, 26, NULL, 0, 32, PVS_SS_COUNT_POINT, 1, 0, 2},
};
static const struct pvs_ss_group model_803 = {"lithium_ion_bank", pt_459, 28, gr_468, 1, 28, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_469[] = {
    {"STRING_ENABLED", 0U},
    {"CONTACTOR_STATUS", 1U},
};
static const struct pvs_ss_symbol sy_470[] = {
    {"NO_FAILURE", 0U},
    {"BUTTON_PUSHED", 1U},
    {"STR_GROUND_FAULT", 2U},
    {"OUTSIDE_VOLTAGE_RANGE", 3U},
    {"STRING_NOT_ENABLED", 4U},
    {"FUSE_OPEN", 5U},
    {"CONTACTOR_FAILURE", 6U},
    {"PRECHARGE_FAILURE", 7U},
    {"STRING_FAULT", 8U},
};
static const struct pvs_ss_symbol sy_471[] = {
    {"CONTACTOR_0", 0U},
    {"CONTACTOR_1", 1U},
    {"CONTACTOR_2", 2U},
    {"CONTACTOR_3", 3U},
    {"CONTACTOR_4", 4U},
    {"CONTACTOR_5", 5U},
    {"CONTACTOR_6", 6U},
    {"CONTACTOR_7", 7U},
    {"CONTACTOR_8", 8U},
    {"CONTACTOR_9", 9U},
    {"CONTACTOR_10", 10U},
    {"CONTACTOR_11", 11U},
    {"CONTACTOR_12", 12U},
    {"CONTACTOR_13", 13U},
    {"CONTACTOR_14", 14U},
    {"CONTACTOR_15", 15U},
    {"CONTACTOR_16", 16U},
    {"CONTACTOR_17", 17U},
    {"CONTACTOR_18", 18U},
    {"CONTACTOR_19", 19U},
    {"CONTACTOR_20", 20U},
    {"CONTACTOR_21", 21U},
    {"CONTACTOR_22", 22U},
    {"CONTACTOR_23", 23U},
    {"CONTACTOR_24", 24U},
    {"CONTACTOR_25", 25U},
    {"CONTACTOR_26", 26U},
    {"CONTACTOR_27", 27U},
    {"CONTACTOR_28", 28U},
    {"CONTACTOR_29", 29U},
    {"CONTACTOR_30", 30U},
};
static const struct pvs_ss_symbol sy_472[] = {
    {"COMMUNICATION_ERROR", 0U},
    {"OVER_TEMP_ALARM", 1U},
    {"OVER_TEMP_WARNING", 2U},
    {"UNDER_TEMP_ALARM", 3U},
    {"UNDER_TEMP_WARNING", 4U},
    {"OVER_CHARGE_CURRENT_ALARM", 5U},
    {"OVER_CHARGE_CURRENT_WARNING", 6U},
    {"OVER_DISCHARGE_CURRENT_ALARM", 7U},
    {"OVER_DISCHARGE_CURRENT_WARNING", 8U},
    {"OVER_VOLT_ALARM", 9U},
    {"OVER_VOLT_WARNING", 10U},
    {"UNDER_VOLT_ALARM", 11U},
    {"UNDER_VOLT_WARNING", 12U},
    {"UNDER_SOC_MIN_ALARM", 13U},
    {"UNDER_SOC_MIN_WARNING", 14U},
    {"OVER_SOC_MAX_ALARM", 15U},
    {"OVER_SOC_MAX_WARNING", 16U},
    {"VOLTAGE_IMBALANCE_WARNING", 17U},
    {"TEMPERATURE_IMBALANCE_ALARM", 18U},
    {"TEMPERATURE_IMBALANCE_WARNING", 19U},
    {"CONTACTOR_ERROR", 20U},
    {"FAN_ERROR", 21U},
    {"GROUND_FAULT", 22U},
    {"OPEN_DOOR_ERROR", 23U},
    {"RESERVED_1", 24U},
    {"OTHER_ALARM", 25U},
    {"OTHER_WARNING", 26U},
    {"RESERVED_2", 27U},
    {"CONFIGURATION_ALARM", 28U},
    {"CONFIGURATION_WARNING", 29U},
};
static const struct pvs_ss_symbol sy_473[] = {
    {"CONNECT_STRING", 1U},
    {"DISCONNECT_STRING", 2U},
};
static const struct pvs_ss_point pt_474[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Idx", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NMod", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"St", NULL, sy_469, 2, 4, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ConFail", NULL, sy_470, 9, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NCellBal", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"SoC", "%", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 31, 0, 0},
    {"DoD", "%", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 33, 0, 0},
    {"NCyc", NULL, NULL, 0, 10, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"SoH", "%", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 32, 0, 0},
    {"A", "A", NULL, 0, 13, 1, PVS_SS_INT16, 0, 34, 0, 0},
    {"V", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 35, 0, 0},
    {"CellVMax", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 36, 0, 0},
    {"CellVMaxMod", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMin", "V", NULL, 0, 17, 1, PVS_SS_UINT16, 0, 36, 0, 0},
    {"CellVMinMod", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVAvg", "V", NULL, 0, 19, 1, PVS_SS_UINT16, 0, 36, 0, 0},
    {"ModTmpMax", "C", NULL, 0, 20, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"ModTmpMaxMod", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpMin", "C", NULL, 0, 22, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"ModTmpMinMod", NULL, NULL, 0, 23, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModTmpAvg", "C", NULL, 0, 24, 1, PVS_SS_INT16, 0, 37, 0, 0},
    {"Pad1", NULL, NULL, 0, 25, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"ConSt", NULL, sy_471, 31, 26, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt1", NULL, sy_472, 30, 28, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, NULL, 0, 30, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 32, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 34, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"SetEna", NULL, NULL, 0, 36, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SetCon", NULL, sy_473, 2, 37, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SoC_SF", NULL, NULL, 0, 38, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoH_SF", NULL, NULL, 0, 39, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DoD_SF", NULL, NULL, 0, 40, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 41, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 42, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CellV_SF", NULL, NULL, 0, 43, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ModTmp_SF", NULL, NULL, 0, 44, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad2", NULL, NULL, 0, 45, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Pad3", NULL, NULL, 0, 46, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Pad4", NULL, NULL, 0, 47, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_475[] = {
    {"ModNCell", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModSoC", "%", NULL, 0, 1, 1, PVS_SS_UINT16, 1, 31, 0, 0},
    {"ModSoH", "%", NULL, 0, 2, 1, PVS_SS_UINT16, 1, 32, 0, 0},
    {"ModCellVMax", "V", NULL, 0, 3, 1, PVS_SS_UINT16, 1, 36, 0, 0},
    {"ModCellVMaxCell", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellVMin", "V", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 36, 0, 0},
    {"ModCellVMinCell", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellVAvg", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 36, 0, 0},
    {"ModCellTmpMax", "C", NULL, 0, 8, 1, PVS_SS_INT16, 1, 37, 0, 0},
    {"ModCellTmpMaxCell", NULL, NULL, 0, 9, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellTmpMin", "C", NULL, 0, 10, 1, PVS_SS_INT16, 1, 37, 0, 0},
    {"ModCellTmpMinCell", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellTmpAvg", "C", NULL, 0, 12, 1, PVS_SS_INT16, 1, 37, 0, 0},
    {"Pad5", NULL, NULL, 0, 13, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Pad6", NULL, NULL, 0, 14, 1, PVS_SS_PAD, -1, 0, 0, 0},
    {"Pad7", NULL, NULL, 0, 15, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_476[] = {
    {"lithium_ion_string_module", pt_475, 16, NULL, 0, 16, PVS_SS_COUNT_POINT, 1, 0, 3},
};
static const struct pvs_ss_group model_804 = {"lithium_ion_string", pt_474, 41, gr_476, 1, 48, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_477[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StrIdx", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModIdx", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NCell", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"SoC", "%", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 22, 0, 0},
    {"DoD", "%", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 24, 0, 0},
    {"SoH", "%", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 23, 0, 0},
    {"NCyc", NULL, NULL, 0, 8, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"V", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 25, 0, 0},
    {"CellVMax", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"CellVMaxCell", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMin", "V", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"CellVMinCell", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVAvg", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"CellTmpMax", "C", NULL, 0, 16, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"CellTmpMaxCell", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellTmpMin", "C", NULL, 0, 18, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"CellTmpMinCell", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellTmpAvg", "C", NULL, 0, 20, 1, PVS_SS_INT16, 0, 27, 0, 0},
    {"NCellBal", NULL, NULL, 0, 21, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"SN", NULL, NULL, 0, 22, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"SoC_SF", NULL, NULL, 0, 38, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoH_SF", NULL, NULL, 0, 39, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"DoD_SF", NULL, NULL, 0, 40, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 41, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CellV_SF", NULL, NULL, 0, 42, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 43, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_478[] = {
    {"CELL_IS_BALANCING", 0U},
};
static const struct pvs_ss_point pt_479[] = {
    {"CellV", "V", NULL, 0, 0, 1, PVS_SS_UINT16, 1, 26, 0, 0},
    {"CellTmp", "C", NULL, 0, 1, 1, PVS_SS_INT16, 1, 27, 0, 0},
    {"CellSt", NULL, sy_478, 1, 2, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_480[] = {
    {"lithium-ion-module-cell", pt_479, 3, NULL, 0, 4, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_805 = {"lithium-ion-module", pt_477, 28, gr_480, 1, 44, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_481[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"BatTBD", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_482[] = {
    {"BatStTBD", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_483[] = {
    {"battery_string", pt_482, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_806 = {"flow_battery", pt_481, 3, gr_483, 1, 3, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_484[] = {
    {"COMMUNICATION_ERROR", 0U},
    {"OVER_TEMP_ALARM", 1U},
    {"OVER_TEMP_WARNING", 2U},
    {"UNDER_TEMP_ALARM", 3U},
    {"UNDER_TEMP_WARNING", 4U},
    {"OVER_CHARGE_CURRENT_ALARM", 5U},
    {"OVER_CHARGE_CURRENT_WARNING", 6U},
    {"OVER_DISCHARGE_CURRENT_ALARM", 7U},
    {"OVER_DISCHARGE_CURRENT_WARNING", 8U},
    {"OVER_VOLT_ALARM", 9U},
    {"OVER_VOLT_WARNING", 10U},
    {"UNDER_VOLT_ALARM", 11U},
    {"UNDER_VOLT_WARNING", 12U},
    {"UNDER_SOC_MIN_ALARM", 13U},
    {"UNDER_SOC_MIN_WARNING", 14U},
    {"OVER_SOC_MAX_ALARM", 15U},
    {"OVER_SOC_MAX_WARNING", 16U},
    {"VOLTAGE_IMBALANCE_WARNING", 17U},
    {"RESERVED_1", 18U},
    {"RESERVED_2", 19U},
    {"CONTACTOR_ERROR", 20U},
    {"FAN_ERROR", 21U},
    {"GROUND_FAULT", 22U},
    {"OPEN_DOOR_ERROR", 23U},
    {"RESERVED_3", 24U},
    {"OTHER_ALARM", 25U},
    {"OTHER_WARNING", 26U},
    {"FIRE_ALARM", 27U},
    {"CONFIGURATION_ALARM", 28U},
    {"CONFIGURATION_WARNING", 29U},
};
static const struct pvs_ss_symbol sy_485[] = {
    {"LEAK_ALARM", 0U},
    {"PUMP_ALARM", 1U},
    {"HIGH_PRESSURE_ALARM", 2U},
    {"HIGH_PRESSURE_WARNING", 3U},
    {"LOW_FLOW_ALARM", 4U},
    {"LOW_FLOW_WARNING", 5U},
};
static const struct pvs_ss_point pt_486[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Idx", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NMod", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NModCon", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModVMax", "V", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"ModVMaxMod", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModVMin", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"ModVMinMod", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModVAvg", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 26, 0, 0},
    {"CellVMax", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"CellVMaxMod", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMaxStk", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMin", "V", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"CellVMinMod", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVMinStk", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CellVAvg", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"TmpMax", "C", NULL, 0, 17, 1, PVS_SS_INT16, 0, 28, 0, 0},
    {"TmpMaxMod", NULL, NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"TmpMin", "C", NULL, 0, 19, 1, PVS_SS_INT16, 0, 28, 0, 0},
    {"TmpMinMod", NULL, NULL, 0, 20, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"TmpAvg", "C", NULL, 0, 21, 1, PVS_SS_INT16, 0, 28, 0, 0},
    {"Evt1", NULL, sy_484, 30, 22, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"Evt2", NULL, sy_485, 6, 24, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd1", NULL, NULL, 0, 26, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"EvtVnd2", NULL, NULL, 0, 28, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModV_SF", NULL, NULL, 0, 30, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CellV_SF", NULL, NULL, 0, 31, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tmp_SF", NULL, NULL, 0, 32, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SoC_SF", NULL, NULL, 0, 33, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"OCV_SF", NULL, NULL, 0, 34, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pad1", NULL, NULL, 0, 35, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_487[] = {
    {"MODULE_ENABLED", 0U},
    {"CONTACTOR_STATUS", 1U},
};
static const struct pvs_ss_symbol sy_488[] = {
    {"CONTACTOR_0", 0U},
    {"CONTACTOR_1", 1U},
    {"CONTACTOR_2", 2U},
    {"CONTACTOR_3", 3U},
    {"CONTACTOR_4", 4U},
    {"CONTACTOR_5", 5U},
    {"CONTACTOR_6", 6U},
    {"CONTACTOR_7", 7U},
    {"CONTACTOR_8", 8U},
    {"CONTACTOR_9", 9U},
    {"CONTACTOR_10", 10U},
    {"CONTACTOR_11", 11U},
    {"CONTACTOR_12", 12U},
    {"CONTACTOR_13", 13U},
    {"CONTACTOR_14", 14U},
    {"CONTACTOR_15", 15U},
    {"CONTACTOR_16", 16U},
    {"CONTACTOR_17", 17U},
    {"CONTACTOR_18", 18U},
    {"CONTACTOR_19", 19U},
    {"CONTACTOR_20", 20U},
    {"CONTACTOR_21", 21U},
    {"CONTACTOR_22", 22U},
    {"CONTACTOR_23", 23U},
    {"CONTACTOR_24", 24U},
    {"CONTACTOR_25", 25U},
    {"CONTACTOR_26", 26U},
    {"CONTACTOR_27", 27U},
    {"CONTACTOR_28", 28U},
    {"CONTACTOR_29", 29U},
    {"CONTACTOR_30", 30U},
};
static const struct pvs_ss_symbol sy_489[] = {
    {"COMMUNICATION_ERROR", 0U},
    {"OVER_TEMP_ALARM", 1U},
    {"OVER_TEMP_WARNING", 2U},
    {"UNDER_TEMP_ALARM", 3U},
    {"UNDER_TEMP_WARNING", 4U},
    {"OVER_CHARGE_CURRENT_ALARM", 5U},
    {"OVER_CHARGE_CURRENT_WARNING", 6U},
    {"OVER_DISCHARGE_CURRENT_ALARM", 7U},
    {"OVER_DISCHARGE_CURRENT_WARNING", 8U},
    {"OVER_VOLT_ALARM", 9U},
    {"OVER_VOLT_WARNING", 10U},
    {"UNDER_VOLT_ALARM", 11U},
    {"UNDER_VOLT_WARNING", 12U},
    {"UNDER_SOC_MIN_ALARM", 13U},
    {"UNDER_SOC_MIN_WARNING", 14U},
    {"OVER_SOC_MAX_ALARM", 15U},
    {"OVER_SOC_MAX_WARNING", 16U},
    {"VOLTAGE_IMBALANCE_WARNING", 17U},
    {"RESERVED_1", 18U},
    {"RESERVED_2", 19U},
    {"CONTACTOR_ERROR", 20U},
    {"FAN_ERROR", 21U},
    {"GROUND_FAULT", 22U},
    {"OPEN_DOOR_ERROR", 23U},
    {"RESERVED_3", 24U},
    {"RESERVED_4", 25U},
    {"RESERVED_5", 26U},
    {"FIRE_ALARM", 27U},
    {"MODULE_CONFIGURATION_ALARM", 28U},
    {"MODULE_CONFIGURATION_WARNING", 29U},
};
static const struct pvs_ss_symbol sy_490[] = {
    {"LEAK_ALARM", 0U},
    {"PUMP_ALARM", 1U},
    {"HIGH_PRESSURE_ALARM", 2U},
    {"HIGH_PRESSURE_WARNING", 3U},
    {"LOW_FLOW_ALARM", 4U},
    {"LOW_FLOW_WARNING", 5U},
};
static const struct pvs_ss_symbol sy_491[] = {
    {"NO_FAILURE", 0U},
    {"BUTTON_PUSHED", 1U},
    {"MODULE_GROUND_FAULT", 2U},
    {"OUTSIDE_VOLTAGE_RANGE", 3U},
    {"MODULE_NOT_ENABLED", 4U},
    {"FUSE_OPEN", 5U},
    {"CONTACTOR_FAILURE", 6U},
    {"PRECHARGE_FAILURE", 7U},
    {"MODULE_FAULT", 8U},
};
static const struct pvs_ss_symbol sy_492[] = {
    {"ENABLE_MODULE", 1U},
    {"DISABLE_MODULE", 2U},
};
static const struct pvs_ss_symbol sy_493[] = {
    {"CONNECT_MODULE", 1U},
    {"DISCONNECT_MODULE", 2U},
};
static const struct pvs_ss_symbol sy_494[] = {
    {"NONE", 0U},
    {"FAULT", 1U},
    {"MAINTENANCE", 2U},
    {"EXTERNAL", 3U},
    {"OTHER", 4U},
};
static const struct pvs_ss_point pt_495[] = {
    {"ModIdx", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModNStk", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModSt", NULL, sy_487, 2, 2, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModSoC", "%", NULL, 0, 4, 1, PVS_SS_UINT16, 1, 29, 0, 0},
    {"ModOCV", "V", NULL, 0, 5, 1, PVS_SS_UINT16, 1, 30, 0, 0},
    {"ModV", "V", NULL, 0, 6, 1, PVS_SS_UINT16, 1, 26, 0, 0},
    {"ModCellVMax", "V", NULL, 0, 7, 1, PVS_SS_UINT16, 1, 27, 0, 0},
    {"ModCellVMaxCell", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellVMin", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 1, 27, 0, 0},
    {"ModCellVMinCell", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModCellVAvg", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 1, 27, 0, 0},
    {"ModAnoTmp", "C", NULL, 0, 12, 1, PVS_SS_UINT16, 1, 28, 0, 0},
    {"ModCatTmp", "C", NULL, 0, 13, 1, PVS_SS_UINT16, 1, 28, 0, 0},
    {"ModConSt", NULL, sy_488, 31, 14, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModEvt1", NULL, sy_489, 30, 16, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModEvt2", NULL, sy_490, 6, 18, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ModConFail", NULL, sy_491, 9, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ModSetEna", NULL, sy_492, 2, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ModSetCon", NULL, sy_493, 2, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ModDisRsn", NULL, sy_494, 5, 23, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_496[] = {
    {"module", pt_495, 20, NULL, 0, 24, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_807 = {"flow_battery_string", pt_486, 32, gr_496, 1, 36, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_497[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ModuleTBD", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_498[] = {
    {"StackTBD", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_499[] = {
    {"stack", pt_498, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_808 = {"flow_battery_module", pt_497, 3, gr_499, 1, 3, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_500[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"StackTBD", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_501[] = {
    {"CellTBD", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_502[] = {
    {"cell", pt_501, 1, NULL, 0, 1, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_809 = {"flow_battery_stack", pt_500, 3, gr_502, 1, 3, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_503[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"sunssf_1", NULL, NULL, 0, 2, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"sunssf_2", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"sunssf_3", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"sunssf_4", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"int16_1", NULL, NULL, 0, 6, 1, PVS_SS_INT16, 0, 2, 0, 0},
    {"int16_2", NULL, NULL, 0, 7, 1, PVS_SS_INT16, 0, 3, 0, 0},
    {"int16_3", NULL, NULL, 0, 8, 1, PVS_SS_INT16, 0, 4, 0, 0},
    {"int16_4", NULL, NULL, 0, 9, 1, PVS_SS_INT16, 0, 5, 0, 0},
    {"int16_5", NULL, NULL, 0, 10, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"int16_u", NULL, NULL, 0, 11, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"uint16_1", NULL, NULL, 0, 12, 1, PVS_SS_UINT16, 0, 2, 0, 0},
    {"uint16_2", NULL, NULL, 0, 13, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"uint16_3", NULL, NULL, 0, 14, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"uint16_4", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"uint16_5", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"uint16_u", NULL, NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"acc16", NULL, NULL, 0, 18, 1, PVS_SS_ACC16, -1, 0, 0, 0},
    {"acc16_u", NULL, NULL, 0, 19, 1, PVS_SS_ACC16, -1, 0, 0, 0},
    {"enum16", NULL, NULL, 0, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"enum16_u", NULL, NULL, 0, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"bitfield16", NULL, NULL, 0, 22, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"bitfield16_u", NULL, NULL, 0, 23, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"int32_1", NULL, NULL, 0, 24, 2, PVS_SS_INT32, 0, 54, 0, 0},
    {"int32_2", NULL, NULL, 0, 26, 2, PVS_SS_INT32, 0, 55, 0, 0},
    {"int32_3", NULL, NULL, 0, 28, 2, PVS_SS_INT32, 0, 56, 0, 0},
    {"int32_4", NULL, NULL, 0, 30, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"int32_5", NULL, NULL, 0, 32, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"int32_u", NULL, NULL, 0, 34, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"uint32_1", NULL, NULL, 0, 36, 2, PVS_SS_UINT32, 0, 54, 0, 0},
    {"uint32_2", NULL, NULL, 0, 38, 2, PVS_SS_UINT32, 0, 55, 0, 0},
    {"uint32_3", NULL, NULL, 0, 40, 2, PVS_SS_UINT32, 0, 56, 0, 0},
    {"uint32_4", NULL, NULL, 0, 42, 2, PVS_SS_UINT32, -1, 0, 1, 1},
    {"uint32_5", NULL, NULL, 0, 44, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"uint32_u", NULL, NULL, 0, 46, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"acc32", NULL, NULL, 0, 48, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"acc32_u", NULL, NULL, 0, 50, 2, PVS_SS_ACC32, -1, 0, 0, 0},
    {"enum32", NULL, NULL, 0, 52, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
    {"enum32_u", NULL, NULL, 0, 54, 2, PVS_SS_ENUM32, -1, 0, 0, 0},
    {"bitfield32", NULL, NULL, 0, 56, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"bitfield32_u", NULL, NULL, 0, 58, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
    {"ipaddr", NULL, NULL, 0, 60, 2, PVS_SS_IPADDR, -1, 0, 0, 0},
    {"ipaddr_u", NULL, NULL, 0, 62, 2, PVS_SS_IPADDR, -1, 0, 0, 0},
    {"int64", NULL, NULL, 0, 64, 4, PVS_SS_INT64, -1, 0, 0, 0},
    {"int64_u", NULL, NULL, 0, 68, 4, PVS_SS_INT64, -1, 0, 0, 0},
    {"acc64", NULL, NULL, 0, 72, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"acc64_u", NULL, NULL, 0, 76, 4, PVS_SS_ACC64, -1, 0, 0, 0},
    {"ipv6addr", NULL, NULL, 0, 80, 8, PVS_SS_IPV6ADDR, -1, 0, 0, 0},
    {"ipv6addr_u", NULL, NULL, 0, 88, 8, PVS_SS_IPV6ADDR, -1, 0, 0, 0},
    {"float32", NULL, NULL, 0, 96, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"float32_u", NULL, NULL, 0, 98, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"string", NULL, NULL, 0, 100, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"string_u", NULL, NULL, 0, 116, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"sunssf_5", NULL, NULL, 0, 132, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"sunssf_6", NULL, NULL, 0, 133, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"sunssf_7", NULL, NULL, 0, 134, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"pad_1", NULL, NULL, 0, 135, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_504[] = {
    {"sunssf_8", NULL, NULL, 0, 0, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"int16_11", NULL, NULL, 0, 1, 1, PVS_SS_INT16, 0, 0, 0, 0},
    {"int16_12", NULL, NULL, 0, 2, 1, PVS_SS_INT16, 0, 12, 0, 0},
    {"int16_u", NULL, NULL, 0, 3, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"uint16_11", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, 0, 0, 0, 0},
    {"uint16_12", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, 0, 12, 0, 0},
    {"uint16_13", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"uint16_u", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"int32", NULL, NULL, 0, 8, 2, PVS_SS_INT32, 1, 2, 0, 0},
    {"int32_u", NULL, NULL, 0, 10, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"uint32", NULL, NULL, 0, 12, 2, PVS_SS_UINT32, 0, 12, 0, 0},
    {"uint32_u", NULL, NULL, 0, 14, 2, PVS_SS_UINT32, -1, 0, 0, 0},
    {"sunssf_9", NULL, NULL, 0, 16, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"pad_2", NULL, NULL, 0, 17, 1, PVS_SS_PAD, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_505[] = {
    {"repeating", pt_504, 14, NULL, 0, 18, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_63001 = {"model_63001", pt_503, 58, gr_505, 1, 136, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_506[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_507[] = {
    {"sunssf_1", NULL, NULL, 0, 0, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"int16_1", NULL, NULL, 0, 1, 1, PVS_SS_INT16, 0, 0, 0, 0},
    {"int16_2", NULL, NULL, 0, 2, 1, PVS_SS_INT16, 0, 3, 0, 0},
    {"sunssf_2", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_508[] = {
    {"repeating", pt_507, 4, NULL, 0, 4, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_63002 = {"model_63002", pt_506, 2, gr_508, 1, 2, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_509[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Cmd", NULL, NULL, 0, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"HWRev", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"RSFWRev", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"OSFWRev", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ProdRev", NULL, NULL, 0, 6, 2, PVS_SS_STRING, -1, 0, 0, 0},
    {"Boots", NULL, NULL, 0, 8, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Switch", NULL, NULL, 0, 9, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Sensors", NULL, NULL, 0, 10, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Talking", NULL, NULL, 0, 11, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Status", NULL, NULL, 0, 12, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"Config", NULL, NULL, 0, 13, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"LEDblink", "Pct", NULL, 0, 14, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"LEDon", "Pct", NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Reserved", NULL, NULL, 0, 16, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Loc", NULL, NULL, 0, 17, 16, PVS_SS_STRING, -1, 0, 0, 0},
    {"S1ID", NULL, NULL, 0, 33, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"S1Addr", NULL, NULL, 0, 34, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S1OSVer", NULL, NULL, 0, 35, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S1Ver", NULL, NULL, 0, 36, 2, PVS_SS_STRING, -1, 0, 0, 0},
    {"S1Serial", NULL, NULL, 0, 38, 5, PVS_SS_STRING, -1, 0, 0, 0},
    {"S2ID", NULL, NULL, 0, 43, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"S2Addr", NULL, NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S2OSVer", NULL, NULL, 0, 45, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S2Ver", NULL, NULL, 0, 46, 2, PVS_SS_STRING, -1, 0, 0, 0},
    {"S2Serial", NULL, NULL, 0, 48, 5, PVS_SS_STRING, -1, 0, 0, 0},
    {"S3ID", NULL, NULL, 0, 53, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"S3Addr", NULL, NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S3OSVer", NULL, NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S3Ver", NULL, NULL, 0, 56, 2, PVS_SS_STRING, -1, 0, 0, 0},
    {"S3Serial", NULL, NULL, 0, 58, 5, PVS_SS_STRING, -1, 0, 0, 0},
    {"S4ID", NULL, NULL, 0, 63, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"S4Addr", NULL, NULL, 0, 64, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S4OSVer", NULL, NULL, 0, 65, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"S4Ver", NULL, NULL, 0, 66, 2, PVS_SS_STRING, -1, 0, 0, 0},
    {"S4Serial", NULL, NULL, 0, 68, 5, PVS_SS_STRING, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64001 = {"model_64001", pt_509, 37, NULL, 0, 73, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_510[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Aux0Tmp", "C", NULL, 0, 2, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Aux1Tmp", "C", NULL, 0, 3, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Aux2Tmp", "C", NULL, 0, 4, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Aux3Tmp", "C", NULL, 0, 5, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"Aux4Tmp", "C", NULL, 0, 6, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"ProbeTmp", "C", NULL, 0, 7, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"MainTmp", "C", NULL, 0, 8, 1, PVS_SS_INT16, -1, 0, 0, 0},
    {"SensorV_SF", NULL, NULL, 0, 9, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SensorA_SF", NULL, NULL, 0, 10, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"SensorHz_SF", NULL, NULL, 0, 11, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Sensor1Voltage", "V", NULL, 0, 12, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor2Voltage", "V", NULL, 0, 13, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor3Voltage", "V", NULL, 0, 14, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor4Voltage", "V", NULL, 0, 15, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor5Voltage", "V", NULL, 0, 16, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor6Voltage", "V", NULL, 0, 17, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor7Voltage", "V", NULL, 0, 18, 1, PVS_SS_INT16, 0, 9, 0, 0},
    {"Sensor1Current", "A", NULL, 0, 19, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor2Current", "A", NULL, 0, 20, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor3Current", "A", NULL, 0, 21, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor4Current", "A", NULL, 0, 22, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor5Current", "A", NULL, 0, 23, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor6Current", "A", NULL, 0, 24, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor7Current", "A", NULL, 0, 25, 1, PVS_SS_INT16, 0, 10, 0, 0},
    {"Sensor8", "Hz", NULL, 0, 26, 1, PVS_SS_UINT16, 0, 11, 0, 0},
    {"Relay1", NULL, NULL, 0, 27, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Relay2", NULL, NULL, 0, 28, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Relay3", NULL, NULL, 0, 29, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"ResetAccumulators", NULL, NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Reset", NULL, NULL, 0, 31, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_511[] = {
    {"SerialNumber", NULL, NULL, 0, 0, 9, PVS_SS_STRING, -1, 0, 0, 0},
    {"Firmware", NULL, NULL, 0, 9, 6, PVS_SS_STRING, -1, 0, 0, 0},
    {"Hardware", NULL, NULL, 0, 15, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_512[] = {
    {"repeating", pt_511, 3, NULL, 0, 16, PVS_SS_COUNT_FILL, 1, -1, 0},
};
static const struct pvs_ss_group model_64020 = {"model_64020", pt_510, 32, gr_512, 1, 32, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_513[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_Country_Code", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_Feeding_Phase", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_APD_Method", NULL, NULL, 0, 4, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_APD_Power_Ref", NULL, NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_RPS_Method", NULL, NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_RPS_Q_Ref", NULL, NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Eltek_RPS_CosPhi_Ref", NULL, NULL, 0, 8, 1, PVS_SS_INT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64101 = {"model_64101", pt_513, 9, NULL, 0, 9, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_514[] = {
    {"Off", 0U},
    {"Float", 1U},
    {"Bulk", 2U},
    {"Absorb", 3U},
    {"EQ", 4U},
};
static const struct pvs_ss_point pt_515[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Port", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"P_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"AH_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"KWH_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"BattV", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"ArrayV", "V", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"OutputA", "A", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"InputA", "A", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"ChargerSt", NULL, sy_514, 5, 12, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"OutputW", "W", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"TodayMinBatV", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"TodayMaxBatV", "V", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"VOCV", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"TodayMaxVOC", "V", NULL, 0, 17, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"TodaykWhOutput", "kWh", NULL, 0, 18, 1, PVS_SS_UINT16, 0, 7, 0, 0},
    {"TodayAHOutput", "AH", NULL, 0, 19, 1, PVS_SS_UINT16, 0, 6, 0, 0},
    {"LifeTimeKWHOut", "kWh", NULL, 0, 20, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"LifeTimeAHOut", "kAH", NULL, 0, 21, 1, PVS_SS_UINT16, 0, 7, 0, 0},
    {"LifeTimeMaxOut", "W", NULL, 0, 22, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"LifeTimeMaxBatt", "V", NULL, 0, 23, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"LifeTimeMaxVOC", "V", NULL, 0, 24, 1, PVS_SS_UINT16, 0, 3, 0, 0},
};
static const struct pvs_ss_group model_64111 = {"model_64111", pt_515, 25, NULL, 0, 25, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_516[] = {
    {"Auto", 0U},
    {"U_Pick", 1U},
    {"Wind", 2U},
};
static const struct pvs_ss_symbol sy_517[] = {
    {"Half", 0U},
    {"Full", 1U},
};
static const struct pvs_ss_symbol sy_518[] = {
    {"Eighty_Percent", 0U},
    {"Eighty_Five_Percent", 1U},
    {"Ninty_Percent", 2U},
    {"Ninty_Nine_Percent", 3U},
};
static const struct pvs_ss_symbol sy_519[] = {
    {"Disabled", 0U},
    {"Enabled", 1U},
};
static const struct pvs_ss_symbol sy_520[] = {
    {"Wide", 0U},
    {"Limited", 1U},
};
static const struct pvs_ss_symbol sy_521[] = {
    {"Off", 0U},
    {"Every_90_Minutes", 1U},
    {"Every_90_Minutes_if_Absorb_or_Float", 2U},
};
static const struct pvs_ss_symbol sy_522[] = {
    {"Float", 0U},
    {"Diversion_Relay", 1U},
    {"Diversion_Solid_St", 2U},
    {"Low_Batt_Disconnect", 3U},
    {"Remote", 4U},
    {"Vent_Fan", 5U},
    {"PV_Trigger", 6U},
    {"Error_Output", 7U},
    {"Night_Light", 8U},
};
static const struct pvs_ss_symbol sy_523[] = {
    {"Off", 0U},
    {"Auto", 1U},
    {"On", 2U},
};
static const struct pvs_ss_symbol sy_524[] = {
    {"Disabled", 0U},
    {"Enabled", 1U},
};
static const struct pvs_ss_symbol sy_525[] = {
    {"Low", 0U},
    {"High", 1U},
};
static const struct pvs_ss_point pt_526[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Port", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 3, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"C_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"H_SF", NULL, NULL, 0, 5, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"P_SF", NULL, NULL, 0, 6, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"AH_SF", NULL, NULL, 0, 7, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"KWH_SF", NULL, NULL, 0, 8, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"CC_Config_fault", NULL, NULL, 0, 9, 1, PVS_SS_BITFIELD16, -1, 0, 0, 0},
    {"CC_Config_absorb_V", "V", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_absorb_Hr", "Tmh", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"CC_Config_absorb_End_A", "A", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_rebulk_V", "V", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_float_V", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_max_Chg_A", "A", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_equalize_V", "V", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_equalize_Hr", "Tmh", NULL, 0, 17, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_auto_equalize", "Tmd", NULL, 0, 18, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_MPPT_mode", NULL, sy_516, 3, 19, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_sweep_width", NULL, sy_517, 2, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_sweep_max", NULL, sy_518, 4, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_U_Pick_Duty_cyc", "Pct", NULL, 0, 22, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_grid_tie", NULL, sy_519, 2, 23, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_temp_comp", NULL, sy_520, 2, 24, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_temp_comp_llimt", "V", NULL, 0, 25, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_temp_comp_hlimt", "V", NULL, 0, 26, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_auto_restart", NULL, sy_521, 3, 27, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_wakeup_VOC", "V", NULL, 0, 28, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_snooze_mode_A", "A", NULL, 0, 29, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_wakeup_interval", "Tms", NULL, 0, 30, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_mode", NULL, sy_522, 9, 31, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_AUX_control", NULL, sy_523, 3, 32, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_AUX_state", NULL, sy_524, 2, 33, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_AUX_polarity", NULL, sy_525, 2, 34, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"CC_Config_AUX_L_Batt_disc", "V", NULL, 0, 35, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_L_Batt_rcon", "V", NULL, 0, 36, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_L_Batt_dly", "Tms", NULL, 0, 37, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_Vent_fan_V", "V", NULL, 0, 38, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_PV_triggerV", "V", NULL, 0, 39, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_PV_trg_h_tm", "Tms", NULL, 0, 40, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_Nlite_ThrsV", "V", NULL, 0, 41, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_Nlite_On_tm", "Tmh", NULL, 0, 42, 1, PVS_SS_UINT16, 0, 5, 0, 0},
    {"CC_Config_AUX_Nlite_On_hist", "Tms", NULL, 0, 43, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_Nlite_Off_hist", "Tms", NULL, 0, 44, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_Error_batt_V", "V", NULL, 0, 45, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_Divert_h_time", "Tms", NULL, 0, 46, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_Divert_dly_time", "Tms", NULL, 0, 47, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_AUX_Divert_Rel_V", "V", NULL, 0, 48, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_AUX_Divert_Hyst_V", "V", NULL, 0, 49, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_MajorFWRev", NULL, NULL, 0, 50, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_MidFWRev", NULL, NULL, 0, 51, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_MinorFWRev", NULL, NULL, 0, 52, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Day_offset", "Tmd", NULL, 0, 53, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Cur_Day_off", "Tmd", NULL, 0, 54, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Daily_AH", "Ah", NULL, 0, 55, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Daily_KWH", "kWh", NULL, 0, 56, 1, PVS_SS_UINT16, 0, 8, 0, 0},
    {"CC_Config_DataLog_Max_Out_A", "A", NULL, 0, 57, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_DataLog_Max_Out_W", "W", NULL, 0, 58, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_DataLog_Absorb_T", "Tms", NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Float_T", "Tms", NULL, 0, 60, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Min_Batt_V", "V", NULL, 0, 61, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_DataLog_Max_Batt_V", "V", NULL, 0, 62, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_DataLog_Max_Input_V", "V", NULL, 0, 63, 1, PVS_SS_UINT16, 0, 3, 0, 0},
    {"CC_Config_DataLog_Clear", NULL, NULL, 0, 64, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"CC_Config_DataLog_Clr_Comp", NULL, NULL, 0, 65, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64112 = {"model_64112", pt_526, 66, NULL, 0, 66, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_527[] = {
    {"CV", 0U},
    {"CC", 1U},
};
static const struct pvs_ss_symbol sy_528[] = {
    {"ON", 1U},
    {"OFF", 0U},
};
static const struct pvs_ss_symbol sy_529[] = {
    {"RESET", 1U},
    {"DO_NOT_RESET", 0U},
};
static const struct pvs_ss_symbol sy_530[] = {
    {"EN50530", 1U},
    {"DO_NOT_EN50530", 0U},
};
static const struct pvs_ss_symbol sy_531[] = {
    {"START", 1U},
    {"STOP", 0U},
};
static const struct pvs_ss_symbol sy_532[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_533[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"VMaxLim", "V", NULL, 0, 2, 1, PVS_SS_UINT16, 0, 28, 0, 0},
    {"PMaxLim", "W", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"IMaxLim", "A", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 29, 0, 0},
    {"Mode", NULL, sy_527, 2, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Ena", NULL, sy_528, 2, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Reset", NULL, sy_529, 2, 7, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VSet", "V", NULL, 0, 8, 1, PVS_SS_UINT16, 0, 28, 0, 0},
    {"PSet", "W", NULL, 0, 9, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"ISet", "A", NULL, 0, 10, 1, PVS_SS_UINT16, 0, 29, 0, 0},
    {"EN50530", NULL, sy_530, 2, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Vmpp", "V", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 28, 0, 0},
    {"Pmpp", "W", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 27, 0, 0},
    {"GSet", "W/m^2", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 30, 0, 0},
    {"VSlewRate", "V/s", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 32, 0, 0},
    {"PSlewRate", "W/s", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 33, 0, 0},
    {"ISlewRate", "A/s", NULL, 0, 17, 1, PVS_SS_UINT16, 0, 34, 0, 0},
    {"EnaProf", NULL, sy_531, 2, 18, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"AdptProfReq", NULL, NULL, 0, 19, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"AdptProfRslt", NULL, sy_532, 3, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"V", NULL, NULL, 0, 21, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"P", NULL, NULL, 0, 23, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"I", NULL, NULL, 0, 25, 2, PVS_SS_INT32, -1, 0, 0, 0},
    {"Errors", NULL, NULL, 0, 27, 32, PVS_SS_STRING, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 59, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NProf", NULL, NULL, 0, 60, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"W_SF", NULL, NULL, 0, 61, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 62, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 63, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"G_SF", NULL, NULL, 0, 64, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 65, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VSlew_SF", NULL, NULL, 0, 66, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"PSlew_SF", NULL, NULL, 0, 67, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"ISlew_SF", NULL, NULL, 0, 68, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Pct_SF", NULL, NULL, 0, 69, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_symbol sy_534[] = {
    {"VOLTAGE", 0U},
    {"POWER", 1U},
    {"CURRENT", 2U},
    {"IRRADIANCE", 3U},
};
static const struct pvs_ss_point pt_535[] = {
    {"ActPt", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DeptRef", NULL, sy_534, 4, 1, 2, PVS_SS_BITFIELD32, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_536[] = {
    {"Tms", "Sec", NULL, 0, 0, 1, PVS_SS_UINT16, 2, 31, 0, 0},
    {"V", "V", NULL, 0, 1, 1, PVS_SS_UINT16, 2, 28, 0, 0},
    {"P", "W", NULL, 0, 2, 1, PVS_SS_UINT16, 2, 27, 0, 0},
    {"I", "A", NULL, 0, 3, 1, PVS_SS_UINT16, 2, 29, 0, 0},
    {"G", "Pct", NULL, 0, 4, 1, PVS_SS_UINT16, 2, 35, 0, 0},
};
static const struct pvs_ss_group gr_537[] = {
    {"Pt", pt_536, 5, NULL, 0, 5, PVS_SS_COUNT_POINT, 1, 1, 25},
};
static const struct pvs_ss_group gr_538[] = {
    {"Prof", pt_535, 2, gr_537, 1, 3, PVS_SS_COUNT_POINT, 1, 0, 26},
};
static const struct pvs_ss_group model_64410 = {"DCSimInterface", pt_533, 36, gr_538, 1, 70, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_539[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_540[] = {
    {"OPEN", 0U},
    {"CLOSED", 1U},
};
static const struct pvs_ss_symbol sy_541[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_542[] = {
    {"STOP", 0U},
    {"START", 1U},
    {"TRIGGER", 2U},
};
static const struct pvs_ss_symbol sy_543[] = {
    {"IN_PROGRESS", 0U},
    {"COMPLETED", 1U},
    {"FAILED", 2U},
};
static const struct pvs_ss_point pt_544[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Phases", NULL, NULL, 0, 2, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PhaseAngle", NULL, NULL, 0, 3, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"VNom", "V", NULL, 0, 4, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"VMax", "V", NULL, 0, 5, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"IMax", "A", NULL, 0, 6, 1, PVS_SS_UINT16, 0, 44, 0, 0},
    {"Freq", "Hz", NULL, 0, 7, 1, PVS_SS_UINT16, 0, 46, 0, 0},
    {"Output", NULL, sy_539, 2, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Relay", NULL, sy_540, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"Regen", NULL, sy_541, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"VSet", "V", NULL, 0, 11, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"VSetA", "V", NULL, 0, 12, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"VSetB", "V", NULL, 0, 13, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"VSetC", "V", NULL, 0, 14, 1, PVS_SS_UINT16, 0, 43, 0, 0},
    {"FreqSlew", "Hz/s", NULL, 0, 15, 1, PVS_SS_UINT16, 0, 47, 0, 0},
    {"VSlew", "V/s", NULL, 0, 16, 1, PVS_SS_UINT16, 0, 48, 0, 0},
    {"VA", "V", NULL, 0, 17, 2, PVS_SS_INT32, 0, 43, 0, 0},
    {"VB", "V", NULL, 0, 19, 2, PVS_SS_INT32, 0, 43, 0, 0},
    {"VC", "V", NULL, 0, 21, 2, PVS_SS_INT32, 0, 43, 0, 0},
    {"Hz", "Hz", NULL, 0, 23, 2, PVS_SS_INT32, 0, 46, 0, 0},
    {"IA", "A", NULL, 0, 25, 2, PVS_SS_INT32, 0, 44, 0, 0},
    {"IB", "A", NULL, 0, 27, 2, PVS_SS_INT32, 0, 44, 0, 0},
    {"IC", "A", NULL, 0, 29, 2, PVS_SS_INT32, 0, 44, 0, 0},
    {"VHarA", "V", NULL, 0, 31, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"VHarB", "V", NULL, 0, 181, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"VHarC", "V", NULL, 0, 331, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IHarA", "A", NULL, 0, 481, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IHarB", "A", NULL, 0, 631, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IHarC", "A", NULL, 0, 781, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IIntHarA", "A", NULL, 0, 931, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IIntHarB", "A", NULL, 0, 1081, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"IIntHarC", "A", NULL, 0, 1231, 150, PVS_SS_STRING, -1, 0, 0, 0},
    {"VThdA", "%", NULL, 0, 1381, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"VThdB", "%", NULL, 0, 1382, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"VThdC", "%", NULL, 0, 1383, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"IThdA", "%", NULL, 0, 1384, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"IThdB", "%", NULL, 0, 1385, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"IThdC", "%", NULL, 0, 1386, 1, PVS_SS_UINT16, 0, 49, 0, 0},
    {"EnaProf", NULL, sy_542, 3, 1387, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ProfRslt", NULL, sy_543, 3, 1388, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NProf", NULL, NULL, 0, 1389, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"NPt", NULL, NULL, 0, 1390, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"V_SF", NULL, NULL, 0, 1391, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"A_SF", NULL, NULL, 0, 1392, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Tms_SF", NULL, NULL, 0, 1393, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"Hz_SF", NULL, NULL, 0, 1394, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"HzSlew_SF", NULL, NULL, 0, 1395, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"VSlew_SF", NULL, NULL, 0, 1396, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
    {"THD_SF", NULL, NULL, 0, 1397, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_545[] = {
    {"Name", NULL, NULL, 0, 0, 32, PVS_SS_STRING, -1, 0, 0, 0},
    {"ActPt", NULL, NULL, 0, 32, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_546[] = {
    {"Tms", "Sec", NULL, 0, 0, 1, PVS_SS_UINT16, 2, 45, 0, 0},
    {"VA", "V", NULL, 0, 1, 1, PVS_SS_UINT16, 2, 43, 0, 0},
    {"VB", "V", NULL, 0, 2, 1, PVS_SS_UINT16, 2, 43, 0, 0},
    {"VC", "V", NULL, 0, 3, 1, PVS_SS_UINT16, 2, 43, 0, 0},
    {"Hz", "Hz", NULL, 0, 4, 1, PVS_SS_UINT16, 2, 46, 0, 0},
    {"PhaseAngleA", "Degrees", NULL, 0, 5, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PhaseAngleB", "Degrees", NULL, 0, 6, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"PhaseAngleC", "Degrees", NULL, 0, 7, 1, PVS_SS_UINT16, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_547[] = {
    {"Pt", pt_546, 8, NULL, 0, 8, PVS_SS_COUNT_POINT, 1, 1, 42},
};
static const struct pvs_ss_group gr_548[] = {
    {"Prof", pt_545, 2, gr_547, 1, 33, PVS_SS_COUNT_POINT, 1, 0, 41},
};
static const struct pvs_ss_group model_64411 = {"ACSimInterface", pt_544, 50, gr_548, 1, 1398, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_549[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_550[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_551[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_552[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_553[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_554[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_555[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_556[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_557[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_558[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_559[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_560[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_561[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_562[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_563[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_564[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_565[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_566[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_567[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_568[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_569[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_570[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_571[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_572[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_573[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_574[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_575[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_576[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_577[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_578[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_579[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_580[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_581[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_582[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_583[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_584[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_585[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_586[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_587[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_588[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_589[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_590[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_symbol sy_591[] = {
    {"OFF", 0U},
    {"ON", 1U},
};
static const struct pvs_ss_point pt_592[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"DAManipulation", NULL, sy_549, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"FalsifyDeviceIdentity", NULL, sy_550, 2, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasPAlwaysNameplate", NULL, sy_551, 2, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasQAlwaysMinimum", NULL, sy_552, 2, 5, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasQAlwaysMaximum", NULL, sy_553, 2, 6, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasQAlwaysZero", NULL, sy_554, 2, 7, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasZeroP", NULL, sy_555, 2, 8, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasInvertQ", NULL, sy_556, 2, 9, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowV", NULL, sy_557, 2, 10, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighV", NULL, sy_558, 2, 11, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowL1V", NULL, sy_559, 2, 12, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighL1V", NULL, sy_560, 2, 13, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowF", NULL, sy_561, 2, 14, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighF", NULL, sy_562, 2, 15, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowAmps", NULL, sy_563, 2, 16, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighAmps", NULL, sy_564, 2, 17, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighS", NULL, sy_565, 2, 18, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowS", NULL, sy_566, 2, 19, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasHighQ", NULL, sy_567, 2, 20, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowQ", NULL, sy_568, 2, 21, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowPF", NULL, sy_569, 2, 22, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"MeasLowReversedPF", NULL, sy_570, 2, 23, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateHighP", NULL, sy_571, 2, 24, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowP", NULL, sy_572, 2, 25, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateHighS", NULL, sy_573, 2, 26, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowS", NULL, sy_574, 2, 27, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateHighQ", NULL, sy_575, 2, 28, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowQ", NULL, sy_576, 2, 29, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateHighNomV", NULL, sy_577, 2, 30, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowNomV", NULL, sy_578, 2, 31, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowAmps", NULL, sy_579, 2, 32, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowVarmaxinj", NULL, sy_580, 2, 33, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowVarmaxabs", NULL, sy_581, 2, 34, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"NameplateLowPF", NULL, sy_582, 2, 35, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsHighNomV", NULL, sy_583, 2, 36, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsLowAmps", NULL, sy_584, 2, 37, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsHighP", NULL, sy_585, 2, 38, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsLowP", NULL, sy_586, 2, 39, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsHighVAMax", NULL, sy_587, 2, 40, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsHighVarmaxinj", NULL, sy_588, 2, 41, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SettingsHighVarmaxabs", NULL, sy_589, 2, 42, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ChangeCommonModelID", NULL, sy_590, 2, 43, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"ChangeCommonModelLength", NULL, sy_591, 2, 44, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64412 = {"DERExploitation", pt_592, 45, NULL, 0, 45, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_593[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"IVLen", NULL, NULL, 0, 2, 1, PVS_SS_COUNT, -1, 0, 0, 0},
    {"Irr", "W/m^2", NULL, 0, 3, 1, PVS_SS_UINT16, 0, 4, 0, 0},
    {"Irr_SF", NULL, NULL, 0, 4, 1, PVS_SS_SUNSSF, -1, 0, 0, 0},
};
static const struct pvs_ss_point pt_594[] = {
    {"P", "W", NULL, 0, 0, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"I", "A", NULL, 0, 2, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"V", "V", NULL, 0, 4, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
};
static const struct pvs_ss_group gr_595[] = {
    {"IV", pt_594, 3, NULL, 0, 6, PVS_SS_COUNT_POINT, 1, 0, 2},
};
static const struct pvs_ss_group model_64413 = {"PVSimCurves", pt_593, 5, gr_595, 1, 5, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_point pt_596[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"Time", NULL, NULL, 0, 2, 10, PVS_SS_STRING, -1, 0, 0, 0},
    {"Temperature", NULL, NULL, 0, 12, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"GridModelSource", NULL, NULL, 0, 14, 32, PVS_SS_STRING, -1, 0, 0, 0},
    {"IrradianceModelSource", NULL, NULL, 0, 46, 32, PVS_SS_STRING, -1, 0, 0, 0},
    {"Irradiance", NULL, NULL, 0, 78, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"GridVoltageA", NULL, NULL, 0, 80, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"GridVoltageB", NULL, NULL, 0, 82, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"GridVoltageC", NULL, NULL, 0, 84, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
    {"GridFrequency", NULL, NULL, 0, 86, 2, PVS_SS_FLOAT32, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64414 = {"DERSimControls", pt_596, 11, NULL, 0, 88, PVS_SS_COUNT_ONE, 1, -1, 0};
static const struct pvs_ss_symbol sy_597[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_598[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_symbol sy_599[] = {
    {"Default Certificate", 0U},
    {"COMM_004A", 1U},
    {"COMM_004B", 2U},
    {"COMM_004C", 3U},
    {"COMM_004D", 4U},
    {"COMM_004E", 5U},
    {"COMM_004F", 6U},
    {"COMM_004G", 7U},
};
static const struct pvs_ss_symbol sy_600[] = {
    {"DISABLED", 0U},
    {"ENABLED", 1U},
};
static const struct pvs_ss_point pt_601[] = {
    {"ID", NULL, NULL, 0, 0, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"L", NULL, NULL, 0, 1, 1, PVS_SS_UINT16, -1, 0, 0, 0},
    {"LogEventEna", NULL, sy_597, 2, 2, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"HTTPMsg", NULL, sy_598, 2, 3, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"COMM004Cert", NULL, sy_599, 8, 4, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
    {"SubscribedResource", NULL, NULL, 0, 5, 64, PVS_SS_STRING, -1, 0, 0, 0},
    {"SubscriptionEna", NULL, sy_600, 2, 69, 1, PVS_SS_ENUM16, -1, 0, 0, 0},
};
static const struct pvs_ss_group model_64415 = {"CSIPControl", pt_601, 7, NULL, 0, 70, PVS_SS_COUNT_ONE, 1, -1, 0};

const struct pvs_ss_model pvs_sunspec_models[] = {
    {1, "common", "Common", &model_1},
    {2, "aggregator", "Basic Aggregator", &model_2},
    {3, "model_3", "Secure Dataset Read Request", &model_3},
    {4, "model_4", "Secure Dataset Read Response", &model_4},
    {5, "model_5", "Secure Write Request", &model_5},
    {6, "model_6", "Secure Write Sequential Request", &model_6},
    {7, "model_7", "Secure Write Response Model (DRAFT 1)", &model_7},
    {8, "model_8", "Get Device Security Certificate", &model_8},
    {9, "model_9", "Set Operator Security Certificate", &model_9},
    {10, "model_10", "Communication Interface Header", &model_10},
    {11, "model_11", "Ethernet Link Layer", &model_11},
    {12, "model_12", "IPv4", &model_12},
    {13, "model_13", "IPv6", &model_13},
    {14, "model_14", "Proxy Server", &model_14},
    {15, "model_15", "Interface Counters Model", &model_15},
    {16, "model_16", "Simple IP Network", &model_16},
    {17, "model_17", "Serial Interface", &model_17},
    {18, "model_18", "Cellular Link", &model_18},
    {19, "model_19", "PPP Link", &model_19},
    {101, "inverter_single_phase", "Inverter (Single Phase)", &model_101},
    {102, "inverter_split_phase", "Inverter (Split-Phase)", &model_102},
    {103, "inverter_three_phase", "Inverter (Three Phase)", &model_103},
    {111, "inverter_single_phase_float", "Inverter (Single Phase) FLOAT", &model_111},
    {112, "inverter_split_phase_float", "Inverter (Split Phase) FLOAT", &model_112},
    {113, "inverter_three_phase_float", "Inverter (Three Phase) FLOAT", &model_113},
    {120, "nameplate", "Nameplate", &model_120},
    {121, "settings", "Basic Settings", &model_121},
    {122, "status", "Measurements_Status", &model_122},
    {123, "controls", "Immediate Controls", &model_123},
    {124, "storage_basic", "Storage", &model_124},
    {125, "pricing", "Pricing", &model_125},
    {126, "volt_var", "Static Volt-VAR", &model_126},
    {127, "freq_watt_param", "Freq-Watt Param", &model_127},
    {128, "reactive_current", "Dynamic Reactive Current", &model_128},
    {129, "lvrt", "LVRTD", &model_129},
    {130, "hvrt", "HVRTD", &model_130},
    {131, "watt_pf", "Watt-PF", &model_131},
    {132, "volt_watt", "Volt-Watt", &model_132},
    {133, "schedule", "Basic Scheduling", &model_133},
    {134, "freq_watt", "Freq-Watt Crv", &model_134},
    {135, "lfrt", "LFRT", &model_135},
    {136, "hfrt", "HFRT", &model_136},
    {137, "lvrtc", "LVRTC", &model_137},
    {138, "hvrtc", "HVRTC", &model_138},
    {139, "lvrtx", "LVRTX", &model_139},
    {140, "hvrtx", "HVRTX", &model_140},
    {141, "lfrtc", "LFRTC", &model_141},
    {142, "hfrtc", "HFRTC", &model_142},
    {143, "lfrtx", "LFRTX", &model_143},
    {144, "hfrtx", "HFRTX", &model_144},
    {145, "ext_settings", "Extended Settings", &model_145},
    {160, "mppt", "Multiple MPPT Inverter Extension Model", &model_160},
    {201, "ac_meter_an_or_ab", "Meter (Single Phase) single phase (AN or AB) meter", &model_201},
    {202, "ac_meter_abn", "split single phase (ABN) meter", &model_202},
    {203, "ac_meter_abcn", "wye-connect three phase (abcn) meter", &model_203},
    {204, "ac_meter_abc", "delta-connect three phase (abc) meter", &model_204},
    {211, "ac_meter_an_or_ab_float", "single phase (AN or AB) meter", &model_211},
    {212, "ac_meter_abn_float", "split single phase (ABN) meter", &model_212},
    {213, "ac_meter_abcn_float", "wye-connect three phase (abcn) meter", &model_213},
    {214, "ac_meter_abc_float", "delta-connect three phase (abc) meter", &model_214},
    {220, "ac_meter_secure", "Secure AC Meter Selected Readings", &model_220},
    {302, "irradiance", "Irradiance Model", &model_302},
    {303, "bom_temp", "Back of Module Temperature Model", &model_303},
    {304, "inclinometer", "Inclinometer Model", &model_304},
    {305, "location", "GPS", &model_305},
    {306, "ref_point", "Reference Point Model", &model_306},
    {307, "base_met", "Base Met", &model_307},
    {308, "mini_met", "Mini Met Model", &model_308},
    {401, "string_combiner_current", "String Combiner (Current)", &model_401},
    {402, "string_combiner_advanced", "String Combiner (Advanced)", &model_402},
    {403, "string_combiner_current_input", "String Combiner (Current)", &model_403},
    {404, "string_combiner_advanced_inputs", "String Combiner (Advanced)", &model_404},
    {501, "solar_module_float", "Solar Module", &model_501},
    {502, "solar_module", "Solar Module", &model_502},
    {601, "tracker_controller", "Tracker Controller DRAFT 2", &model_601},
    {701, "DERMeasureAC", "DER AC Measurement", &model_701},
    {702, "DERCapacity", "DER Capacity", &model_702},
    {703, "DEREnterService", "Enter Service", &model_703},
    {704, "DERCtlAC", "DER AC Controls", &model_704},
    {705, "DERVoltVar", "DER Volt-Var", &model_705},
    {706, "DERVoltWatt", "DER Volt-Watt", &model_706},
    {707, "DERTripLV", "DER Trip LV", &model_707},
    {708, "DERTripHV", "DER Trip HV", &model_708},
    {709, "DERTripLF", "DER Trip LF", &model_709},
    {710, "DERTripHF", "DER Trip HF", &model_710},
    {711, "DERFreqDroop", "DER Frequency Droop", &model_711},
    {712, "DERWattVar", "DER Watt-Var", &model_712},
    {713, "DERStorageCapacity", "DER Storage Capacity", &model_713},
    {714, "DERMeasureDC", "DER DC Measurement", &model_714},
    {715, "DERCtl", "DERCtl", &model_715},
    {801, "storage", "Energy Storage Base Model (DEPRECATED)", &model_801},
    {802, "battery", "Battery Base Model", &model_802},
    {803, "lithium_ion_bank", "Lithium-Ion Battery Bank Model", &model_803},
    {804, "lithium_ion_string", "Lithium-Ion String Model", &model_804},
    {805, "lithium-ion-module", "Lithium-Ion Module Model", &model_805},
    {806, "flow_battery", "Flow Battery Model", &model_806},
    {807, "flow_battery_string", "Flow Battery String Model", &model_807},
    {808, "flow_battery_module", "Flow Battery Module Model", &model_808},
    {809, "flow_battery_stack", "Flow Battery Stack Model", &model_809},
    {63001, "model_63001", "SunSpec Test Model 1", &model_63001},
    {63002, "model_63002", "SunSpec Test Model 2", &model_63002},
    {64001, "model_64001", "Veris Status and Configuration", &model_64001},
    {64020, "model_64020", "Mersen GreenString", &model_64020},
    {64101, "model_64101", "Eltek Inverter Extension", &model_64101},
    {64111, "model_64111", "Basic Charge Controller", &model_64111},
    {64112, "model_64112", "OutBack FM Charge Controller", &model_64112},
    {64410, "DCSimInterface", "DC Simulator Control Interface", &model_64410},
    {64411, "ACSimInterface", "AC Simulator Control Interface", &model_64411},
    {64412, "DERExploitation", "DER Cyber Exploitation", &model_64412},
    {64413, "PVSimCurves", "PV Curves", &model_64413},
    {64414, "DERSimControls", "DER Simulation Controls", &model_64414},
    {64415, "CSIPControl", "CSIP Client Control", &model_64415},
};
const size_t pvs_sunspec_nmodels = 112;
