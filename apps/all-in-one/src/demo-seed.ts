import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type Catalogue, type EmployeeCommand, employeeDecider, employeeStream, type RegisterEmployee } from '../../../libs/domain/src/index.js';
import { EVENT_STORE, type EventStore, handleCommand, START } from '../../../libs/event-store/src/index.js';
import { APP_CONFIG, type AppConfig, CATALOGUE } from '../../../libs/platform/src/index.js';

type Entry = RegisterEmployee['data'];

/** A small call center to try the workflow with (README walkthrough). */
export const DEMO_DIRECTORY: readonly Entry[] = [
  { employeeId: 'M01', name: '王大明 Wang Da-ming', role: 'manager', team: null, reportsTo: null, department: 'call-center' },
  { employeeId: 'M02', name: '李美華 Li Mei-hua', role: 'manager', team: null, reportsTo: null, department: 'call-center' },
  { employeeId: 'X01', name: '張志強 Chang Chih-chiang', role: 'executive', team: null, reportsTo: null, department: 'management' },
  { employeeId: 'S01', name: '陳怡君 Chen Yi-chun', role: 'supervisor', team: 'A', reportsTo: 'M01', department: 'call-center' },
  { employeeId: 'S02', name: '林建宏 Lin Chien-hung', role: 'supervisor', team: 'B', reportsTo: 'M01', department: 'call-center' },
  { employeeId: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent', team: 'A', reportsTo: 'S01', department: 'call-center' },
  { employeeId: 'E102', name: '吳家豪 Wu Chia-hao', role: 'agent', team: 'A', reportsTo: 'S01', department: 'call-center' },
  { employeeId: 'E201', name: '蔡淑芬 Tsai Shu-fen', role: 'agent', team: 'B', reportsTo: 'S02', department: 'call-center' },
  { employeeId: 'T01', name: '鄭宇翔 Cheng Yu-hsiang', role: 'tech_support', team: 'IT', reportsTo: 'M01', department: 'it' },
  { employeeId: 'C01', name: '許雅婷 Hsu Ya-ting', role: 'compliance', team: null, reportsTo: null, department: 'compliance' },
];

/** Seeds the demo directory once, on an empty embedded store (SEED_DEMO). */
@Injectable()
export class DemoSeed implements OnModuleInit {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.seedDemo || (await this.store.headPosition()) !== START) return;
    const now = new Date().toISOString();
    for (const data of DEMO_DIRECTORY) {
      const command: EmployeeCommand = { type: 'RegisterEmployee', data };
      await handleCommand(this.store, employeeStream(data.employeeId), employeeDecider, command, {
        commandId: `demo-seed:${data.employeeId}`,
        metadata: () => ({
          occurredAt: now,
          actor: { id: 'demo-seed', kind: 'system' },
          correlationId: 'demo-seed',
          causationId: 'demo-seed',
          policyVersion: this.catalogue.version,
        }),
      });
    }
    this.logger.log(`seeded the demo call center: ${DEMO_DIRECTORY.map((e) => `${e.employeeId} (${e.role})`).join(', ')}`);
  }
}
