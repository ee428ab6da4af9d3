/**
 * The built-in skills ontology that ships with Coarchitect: the 35 O*NET skills, the DigComp 2.2
 * competences most relevant to AI-era office work, and Coarchitect's own AI-era skills.
 *
 * Ids are stable forever (workflows saved by users refer to them): never rename or reuse one. To withdraw
 * a skill, set `retired: true` instead of deleting it.
 *
 * O*NET skill names, element ids and descriptions come from the O*NET Database (USDOL/ETA, CC BY 4.0).
 * DigComp competence titles and numbers come from DigComp 2.2 (© European Union, 2022, CC BY 4.0); the
 * DigComp descriptions here are Coarchitect's own short summaries, not the framework's descriptors.
 * External ids are only filled in where they are the source's published identifiers.
 */
import type { Skill, SkillCategory } from '../model/schema';

export interface OntologySource {
  id: 'onet' | 'digcomp' | 'coarchitect';
  name: string;
  publisher: string;
  url: string;
  licence: string;
  /** The credit sentence shown in the app and the README. */
  attribution: string;
}

export const ONTOLOGY_SOURCES: readonly OntologySource[] = [
  {
    id: 'onet',
    name: 'O*NET 30.0 Database',
    publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    url: 'https://www.onetcenter.org/database.html',
    licence: 'CC BY 4.0',
    attribution:
      'This product includes information from the O*NET 30.0 Database by the U.S. Department of Labor, ' +
      'Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. ' +
      'O*NET® is a trademark of USDOL/ETA.',
  },
  {
    id: 'digcomp',
    name: 'DigComp 2.2: The Digital Competence Framework for Citizens',
    publisher: 'European Commission, Joint Research Centre (JRC)',
    url: 'https://publications.jrc.ec.europa.eu/repository/handle/JRC128415',
    licence: 'CC BY 4.0 (reuse authorised under Commission Decision 2011/833/EU)',
    attribution:
      'Competence areas, numbers and titles from DigComp 2.2: The Digital Competence Framework for Citizens ' +
      '(Vuorikari, R., Kluzer, S. and Punie, Y., European Commission, Joint Research Centre, 2022). ' +
      '© European Union, 2022. Reuse is authorised under Commission Decision 2011/833/EU (CC BY 4.0). ' +
      'The short descriptions are Coarchitect’s own summaries.',
  },
  {
    id: 'coarchitect',
    name: 'Coarchitect AI-era skills',
    publisher: 'Coarchitect contributors',
    // No public home page yet; the skills ship with the app itself.
    url: '',
    licence: 'MIT (same as the app)',
    attribution: 'AI-era skills defined by the Coarchitect contributors, available under the MIT license.',
  },
];

// ---------------------------------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------------------------------

function category(
  id: string,
  name: string,
  parentId: string | null,
  source: SkillCategory['source'],
  externalId: string | null = null,
): SkillCategory {
  return { id, name, parentId, source, externalId };
}

const ONET_ROOT = 'onet.skills';
const DIGCOMP_ROOT = 'digcomp.framework';
const AI_ROOT = 'ai.skills';

export const BUILTIN_CATEGORIES: readonly SkillCategory[] = [
  // O*NET Content Model, Worker Requirements: Skills (2.A and 2.B).
  category(ONET_ROOT, 'O*NET skills', null, 'onet'),
  category('onet.basic', 'Basic Skills', ONET_ROOT, 'onet', '2.A'),
  category('onet.basic-content', 'Content', 'onet.basic', 'onet', '2.A.1'),
  category('onet.basic-process', 'Process', 'onet.basic', 'onet', '2.A.2'),
  category('onet.cross-functional', 'Cross-Functional Skills', ONET_ROOT, 'onet', '2.B'),
  category('onet.social-skills', 'Social Skills', 'onet.cross-functional', 'onet', '2.B.1'),
  category(
    'onet.complex-problem-solving-skills',
    'Complex Problem Solving Skills',
    'onet.cross-functional',
    'onet',
    '2.B.2',
  ),
  category('onet.technical-skills', 'Technical Skills', 'onet.cross-functional', 'onet', '2.B.3'),
  category('onet.systems-skills', 'Systems Skills', 'onet.cross-functional', 'onet', '2.B.4'),
  category(
    'onet.resource-management-skills',
    'Resource Management Skills',
    'onet.cross-functional',
    'onet',
    '2.B.5',
  ),

  // DigComp 2.2 competence areas.
  category(DIGCOMP_ROOT, 'DigComp 2.2 digital competences', null, 'digcomp'),
  category('digcomp.area-1', 'Information and data literacy', DIGCOMP_ROOT, 'digcomp', '1'),
  category('digcomp.area-2', 'Communication and collaboration', DIGCOMP_ROOT, 'digcomp', '2'),
  category('digcomp.area-3', 'Digital content creation', DIGCOMP_ROOT, 'digcomp', '3'),
  category('digcomp.area-4', 'Safety', DIGCOMP_ROOT, 'digcomp', '4'),
  category('digcomp.area-5', 'Problem solving', DIGCOMP_ROOT, 'digcomp', '5'),

  // Coarchitect's own AI-era skills.
  category(AI_ROOT, 'AI-era skills', null, 'coarchitect'),
  category('ai.working-with-ai', 'Working with AI', AI_ROOT, 'coarchitect'),
  category('ai.judgment-and-risk', 'AI judgment and risk', AI_ROOT, 'coarchitect'),
  category('ai.redesigning-work', 'Redesigning work', AI_ROOT, 'coarchitect'),
  category('ai.people-and-service', 'People and service', AI_ROOT, 'coarchitect'),
];

// ---------------------------------------------------------------------------------------------------
// Skills
// ---------------------------------------------------------------------------------------------------

function skill(
  id: string,
  name: string,
  description: string,
  categoryId: string,
  source: Skill['source'],
  externalId: string | null,
): Skill {
  return {
    id,
    name,
    description,
    categoryId,
    source,
    externalId,
    retired: false,
    externalRefs: externalRef(source, externalId),
    hoursPerLevel: null,
  };
}

/** The O*NET and DigComp releases our external ids were taken from (O*NET renamed ids in release 30.3). */
export const ONET_RELEASE = '30.0';
export const DIGCOMP_RELEASE = '2.2';

function externalRef(source: Skill['source'], externalId: string | null): Skill['externalRefs'] {
  if (externalId === null) return [];
  if (source === 'onet') return [{ source: 'onet', id: externalId, release: ONET_RELEASE }];
  if (source === 'digcomp') return [{ source: 'digcomp', id: externalId, release: DIGCOMP_RELEASE }];
  return [];
}

const onet = (id: string, externalId: string, name: string, categoryId: string, description: string): Skill =>
  skill(`onet.${id}`, name, description, categoryId, 'onet', externalId);

const digcomp = (id: string, externalId: string, name: string, description: string): Skill =>
  skill(
    `digcomp.${id}`,
    name,
    description,
    `digcomp.area-${externalId.split('.')[0]}`,
    'digcomp',
    externalId,
  );

const ai = (id: string, name: string, categoryId: string, description: string): Skill =>
  skill(`ai.${id}`, name, description, categoryId, 'coarchitect', null);

const ONET_SKILLS: readonly Skill[] = [
  // 2.A.1 Basic Skills: Content
  onet(
    'reading-comprehension',
    '2.A.1.a',
    'Reading Comprehension',
    'onet.basic-content',
    'Understanding written sentences and paragraphs in work-related documents.',
  ),
  onet(
    'active-listening',
    '2.A.1.b',
    'Active Listening',
    'onet.basic-content',
    'Giving full attention to what other people are saying, taking time to understand the points being made, asking questions as appropriate, and not interrupting at inappropriate times.',
  ),
  onet(
    'writing',
    '2.A.1.c',
    'Writing',
    'onet.basic-content',
    'Communicating effectively in writing as appropriate for the needs of the audience.',
  ),
  onet(
    'speaking',
    '2.A.1.d',
    'Speaking',
    'onet.basic-content',
    'Talking to others to convey information effectively.',
  ),
  onet('mathematics', '2.A.1.e', 'Mathematics', 'onet.basic-content', 'Using mathematics to solve problems.'),
  onet(
    'science',
    '2.A.1.f',
    'Science',
    'onet.basic-content',
    'Using scientific rules and methods to solve problems.',
  ),

  // 2.A.2 Basic Skills: Process
  onet(
    'critical-thinking',
    '2.A.2.a',
    'Critical Thinking',
    'onet.basic-process',
    'Using logic and reasoning to identify the strengths and weaknesses of alternative solutions, conclusions, or approaches to problems.',
  ),
  onet(
    'active-learning',
    '2.A.2.b',
    'Active Learning',
    'onet.basic-process',
    'Understanding the implications of new information for both current and future problem-solving and decision-making.',
  ),
  onet(
    'learning-strategies',
    '2.A.2.c',
    'Learning Strategies',
    'onet.basic-process',
    'Selecting and using training/instructional methods and procedures appropriate for the situation when learning or teaching new things.',
  ),
  onet(
    'monitoring',
    '2.A.2.d',
    'Monitoring',
    'onet.basic-process',
    'Monitoring/Assessing performance of yourself, other individuals, or organizations to make improvements or take corrective action.',
  ),

  // 2.B.1 Social Skills
  onet(
    'social-perceptiveness',
    '2.B.1.a',
    'Social Perceptiveness',
    'onet.social-skills',
    'Being aware of others’ reactions and understanding why they react as they do.',
  ),
  onet(
    'coordination',
    '2.B.1.b',
    'Coordination',
    'onet.social-skills',
    'Adjusting actions in relation to others’ actions.',
  ),
  onet(
    'persuasion',
    '2.B.1.c',
    'Persuasion',
    'onet.social-skills',
    'Persuading others to change their minds or behavior.',
  ),
  onet(
    'negotiation',
    '2.B.1.d',
    'Negotiation',
    'onet.social-skills',
    'Bringing others together and trying to reconcile differences.',
  ),
  onet('instructing', '2.B.1.e', 'Instructing', 'onet.social-skills', 'Teaching others how to do something.'),
  onet(
    'service-orientation',
    '2.B.1.f',
    'Service Orientation',
    'onet.social-skills',
    'Actively looking for ways to help people.',
  ),

  // 2.B.2 Complex Problem Solving Skills
  onet(
    'complex-problem-solving',
    '2.B.2.i',
    'Complex Problem Solving',
    'onet.complex-problem-solving-skills',
    'Identifying complex problems and reviewing related information to develop and evaluate options and implement solutions.',
  ),

  // 2.B.3 Technical Skills
  onet(
    'operations-analysis',
    '2.B.3.a',
    'Operations Analysis',
    'onet.technical-skills',
    'Analyzing needs and product requirements to create a design.',
  ),
  onet(
    'technology-design',
    '2.B.3.b',
    'Technology Design',
    'onet.technical-skills',
    'Generating or adapting equipment and technology to serve user needs.',
  ),
  onet(
    'equipment-selection',
    '2.B.3.c',
    'Equipment Selection',
    'onet.technical-skills',
    'Determining the kind of tools and equipment needed to do a job.',
  ),
  onet(
    'installation',
    '2.B.3.d',
    'Installation',
    'onet.technical-skills',
    'Installing equipment, machines, wiring, or programs to meet specifications.',
  ),
  onet(
    'programming',
    '2.B.3.e',
    'Programming',
    'onet.technical-skills',
    'Writing computer programs for various purposes.',
  ),
  onet(
    'operations-monitoring',
    '2.B.3.g',
    'Operations Monitoring',
    'onet.technical-skills',
    'Watching gauges, dials, or other indicators to make sure a machine is working properly.',
  ),
  onet(
    'operation-and-control',
    '2.B.3.h',
    'Operation and Control',
    'onet.technical-skills',
    'Controlling operations of equipment or systems.',
  ),
  onet(
    'equipment-maintenance',
    '2.B.3.j',
    'Equipment Maintenance',
    'onet.technical-skills',
    'Performing routine maintenance on equipment and determining when and what kind of maintenance is needed.',
  ),
  onet(
    'troubleshooting',
    '2.B.3.k',
    'Troubleshooting',
    'onet.technical-skills',
    'Determining causes of operating errors and deciding what to do about it.',
  ),
  onet(
    'repairing',
    '2.B.3.l',
    'Repairing',
    'onet.technical-skills',
    'Repairing machines or systems using the needed tools.',
  ),
  onet(
    'quality-control-analysis',
    '2.B.3.m',
    'Quality Control Analysis',
    'onet.technical-skills',
    'Conducting tests and inspections of products, services, or processes to evaluate quality or performance.',
  ),

  // 2.B.4 Systems Skills
  onet(
    'judgment-and-decision-making',
    '2.B.4.e',
    'Judgment and Decision Making',
    'onet.systems-skills',
    'Considering the relative costs and benefits of potential actions to choose the most appropriate one.',
  ),
  onet(
    'systems-analysis',
    '2.B.4.g',
    'Systems Analysis',
    'onet.systems-skills',
    'Determining how a system should work and how changes in conditions, operations, and the environment will affect outcomes.',
  ),
  onet(
    'systems-evaluation',
    '2.B.4.h',
    'Systems Evaluation',
    'onet.systems-skills',
    'Identifying measures or indicators of system performance and the actions needed to improve or correct performance, relative to the goals of the system.',
  ),

  // 2.B.5 Resource Management Skills
  onet(
    'time-management',
    '2.B.5.a',
    'Time Management',
    'onet.resource-management-skills',
    'Managing one’s own time and the time of others.',
  ),
  onet(
    'management-of-financial-resources',
    '2.B.5.b',
    'Management of Financial Resources',
    'onet.resource-management-skills',
    'Determining how money will be spent to get the work done, and accounting for these expenditures.',
  ),
  onet(
    'management-of-material-resources',
    '2.B.5.c',
    'Management of Material Resources',
    'onet.resource-management-skills',
    'Obtaining and seeing to the appropriate use of equipment, facilities, and materials needed to do certain work.',
  ),
  onet(
    'management-of-personnel-resources',
    '2.B.5.d',
    'Management of Personnel Resources',
    'onet.resource-management-skills',
    'Motivating, developing, and directing people as they work, identifying the best people for the job.',
  ),
];

const DIGCOMP_SKILLS: readonly Skill[] = [
  // 1 Information and data literacy
  digcomp(
    'browsing-searching-filtering',
    '1.1',
    'Browsing, searching and filtering data, information and digital content',
    'Finding the information you need in digital sources, with search strategies you refine as you go.',
  ),
  digcomp(
    'evaluating-information',
    '1.2',
    'Evaluating data, information and digital content',
    'Judging how credible and reliable digital sources and their content are, and interpreting them critically.',
  ),
  digcomp(
    'managing-information',
    '1.3',
    'Managing data, information and digital content',
    'Organising, storing and retrieving digital data and content so that it can be processed in a structured way.',
  ),

  // 2 Communication and collaboration
  digcomp(
    'interacting',
    '2.1',
    'Interacting through digital technologies',
    'Communicating through digital tools and choosing the right channel for the situation.',
  ),
  digcomp(
    'sharing',
    '2.2',
    'Sharing through digital technologies',
    'Passing data, information and content on to others with suitable tools, with proper referencing and attribution.',
  ),
  digcomp(
    'collaborating',
    '2.4',
    'Collaborating through digital technologies',
    'Using digital tools to work together with others and to build shared resources and knowledge.',
  ),
  digcomp(
    'netiquette',
    '2.5',
    'Netiquette',
    'Following good conduct in digital communication and adapting it to the audience and its cultural context.',
  ),

  // 3 Digital content creation
  digcomp(
    'developing-content',
    '3.1',
    'Developing digital content',
    'Creating and editing digital content in different formats to express yourself clearly.',
  ),
  digcomp(
    'integrating-content',
    '3.2',
    'Integrating and re-elaborating digital content',
    'Improving, adapting and combining existing content and information into new, accurate material.',
  ),
  digcomp(
    'copyright-and-licences',
    '3.3',
    'Copyright and licences',
    'Knowing how copyright and licences apply to the data, information and content you use and produce.',
  ),
  digcomp(
    'programming',
    '3.4',
    'Programming',
    'Giving a computer system clear, understandable instructions to solve a problem or perform a task.',
  ),

  // 4 Safety
  digcomp(
    'protecting-devices',
    '4.1',
    'Protecting devices',
    'Keeping devices and digital content safe by understanding the risks and applying security measures.',
  ),
  digcomp(
    'protecting-personal-data',
    '4.2',
    'Protecting personal data and privacy',
    'Protecting personal data and privacy in digital settings and knowing how personal data is used and shared.',
  ),

  // 5 Problem solving
  digcomp(
    'solving-technical-problems',
    '5.1',
    'Solving technical problems',
    'Spotting technical problems when using digital tools and resolving them, from simple fixes to more complex ones.',
  ),
  digcomp(
    'identifying-needs-and-responses',
    '5.2',
    'Identifying needs and technological responses',
    'Working out what is needed and choosing, adapting or configuring digital tools that meet the need.',
  ),
  digcomp(
    'creatively-using-technology',
    '5.3',
    'Creatively using digital technologies',
    'Using digital tools to improve processes and products and to tackle problems in new ways.',
  ),
  digcomp(
    'identifying-competence-gaps',
    '5.4',
    'Identifying digital competence gaps',
    'Recognising where your own or others’ digital competence needs to grow, and finding ways to develop it.',
  ),
];

const AI_SKILLS: readonly Skill[] = [
  // Working with AI
  ai(
    'prompt-and-task-design',
    'Prompt and task design for AI',
    'ai.working-with-ai',
    'Framing a task for an AI tool with a clear goal, constraints, examples and the expected output format.',
  ),
  ai(
    'context-and-grounding',
    'Providing context and grounding to AI',
    'ai.working-with-ai',
    'Giving an AI tool the right documents, data and case history so that its answers rest on facts, not guesses.',
  ),
  ai(
    'verifying-ai-output',
    'Verifying AI output',
    'ai.working-with-ai',
    'Checking AI output against sources and facts, and spotting hallucinations, omissions and wrong reasoning.',
  ),
  ai(
    'editing-ai-drafts',
    'Editing AI drafts',
    'ai.working-with-ai',
    'Turning an AI draft into a finished piece that is accurate, on-brand and right for its reader.',
  ),
  ai(
    'data-literacy-for-ai',
    'Data literacy for AI',
    'ai.working-with-ai',
    'Understanding the data an AI system learns from and works on, including its quality, gaps and confidence scores.',
  ),

  // AI judgment and risk
  ai(
    'escalation-judgment',
    'Escalation judgment and AI failure modes',
    'ai.judgment-and-risk',
    'Knowing how AI tools typically fail and when a case must go to a human expert instead of being trusted to AI.',
  ),
  ai(
    'ai-risk-and-ethics',
    'AI risk and ethics judgment',
    'ai.judgment-and-risk',
    'Weighing the legal, ethical and reputational risks of using AI for a task and deciding on proportionate safeguards.',
  ),
  ai(
    'privacy-and-confidentiality',
    'Privacy and confidentiality with AI tools',
    'ai.judgment-and-risk',
    'Keeping personal, customer and confidential business data out of AI tools that are not approved to handle it.',
  ),
  ai(
    'bias-awareness',
    'Bias awareness',
    'ai.judgment-and-risk',
    'Recognising unfair or skewed patterns in AI output and in the data behind it, and acting to correct them.',
  ),

  // Redesigning work
  ai(
    'workflow-redesign',
    'Workflow redesign',
    'ai.redesigning-work',
    'Rethinking a process end to end so that people and AI each do the work they are best at.',
  ),
  ai(
    'task-decomposition',
    'Task decomposition for human–AI work',
    'ai.redesigning-work',
    'Breaking work into steps and deciding which to automate, which to assist with AI and which to keep human.',
  ),
  ai(
    'exception-handling',
    'Exception handling',
    'ai.redesigning-work',
    'Resolving the unusual cases that automation cannot handle, and feeding back what caused them.',
  ),
  ai(
    'measuring-ai-quality',
    'Measuring AI-assisted quality',
    'ai.redesigning-work',
    'Defining and tracking quality measures for AI-assisted work, such as accuracy, rework and customer outcomes.',
  ),
  ai(
    'knowledge-capture',
    'Knowledge capture',
    'ai.redesigning-work',
    'Turning review findings and expert know-how into written guidelines, examples and policies that people and AI can use.',
  ),
  ai(
    'change-leadership',
    'Change leadership for AI adoption',
    'ai.redesigning-work',
    'Leading a team through new ways of working with AI, building trust and addressing concerns openly.',
  ),

  // People and service
  ai(
    'coaching-and-feedback',
    'Coaching and feedback',
    'ai.people-and-service',
    'Helping colleagues improve through specific, timely feedback on their work, including work done with AI.',
  ),
  ai(
    'improving-prompts-and-policies',
    'Structured feedback on prompts and policies',
    'ai.people-and-service',
    'Recording AI errors in a structured way so that prompts, policies and guidelines can be improved systematically.',
  ),
  ai(
    'customer-empathy-with-ai',
    'Customer empathy in AI-assisted service',
    'ai.people-and-service',
    'Keeping replies and decisions human and considerate when AI prepares them, especially for upset or vulnerable customers.',
  ),
  ai(
    'explaining-ai-use',
    'Explaining AI use',
    'ai.people-and-service',
    'Telling customers and colleagues plainly where AI is used, what it does and how a person stays accountable.',
  ),
];

export const BUILTIN_SKILLS: readonly Skill[] = [...ONET_SKILLS, ...DIGCOMP_SKILLS, ...AI_SKILLS];
