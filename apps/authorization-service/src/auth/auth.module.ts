import { Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, DEV_JWT_SECRET, ensureDevSecret } from '../../../../libs/platform/src/index.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { AuthGuard } from './auth.guard.js';
import { Authenticator } from './authenticator.js';
import { SignInController } from './sign-in/sign-in.controller.js';

const AUTH_PROVIDERS: Provider[] = [
  Authenticator,
  { provide: APP_GUARD, useClass: AuthGuard },
  { provide: DEV_JWT_SECRET, useFactory: (config: AppConfig) => ensureDevSecret(config), inject: [APP_CONFIG] },
];

/** Who is asking: JWT verification, rate limits, the guard every Nest route passes, and the console's sign-in. */
@Module({
  imports: [DirectoryModule],
  controllers: [SignInController],
  providers: AUTH_PROVIDERS,
  exports: [Authenticator],
})
export class AuthModule {}
